/**
 * Where a worker thread's script is. Run from source (tests, bench,
 * electron/cli/reviewdesk.mjs), the TypeScript sources are used; in the bundled
 * desktop app (out/electron, see electron/app/bundle.mjs) and the compiled
 * command (out/cli, electron/cli/bundle.mjs) each worker is a compiled file
 * beside the code that starts it (verify-worker.js, open-worker.js,
 * payload-worker.cjs). In a packaged app those files sit in app.asar.unpacked
 * (electron-builder.yml asarUnpack), because a worker thread is started from a
 * real file.
 */
import { existsSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';

/** True when this module runs from its TypeScript source. */
export const FROM_SOURCE = import.meta.url.endsWith('.ts');

/** The unpacked twin of a file inside app.asar, where it exists. */
export function unpacked(url: URL): URL {
  const path = fileURLToPath(url);
  const twin = path.replace(/([\\/])app\.asar([\\/])/, '$1app.asar.unpacked$2');
  return twin !== path && existsSync(twin) ? pathToFileURL(twin) : url;
}
