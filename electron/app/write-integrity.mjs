// Writes out/electron/unpacked-integrity.json: the SHA-256s of every file the
// packaged app runs from outside its asar, as electron-builder.yml names them
// (electron/host/integrity-build.ts). The bundle step writes it as soon as the
// workers exist; the beforePack hook again once the native builds exist, and
// there every extra resource must be present.
import { resolve } from 'node:path';
import { tsImport } from 'tsx/esm/api';

const root = resolve(import.meta.dirname, '..', '..');

export async function writeIntegrity(opts = {}) {
  const { writeIntegrityManifest } = await tsImport('../host/integrity-build.ts', import.meta.url);
  return writeIntegrityManifest(root, opts);
}
