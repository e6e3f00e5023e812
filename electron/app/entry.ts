/**
 * The main process's entry (out/electron/main.mjs). A packaged app first checks
 * the files it runs from outside its asar (worker scripts, native modules)
 * against the SHA-256s that the build wrote inside it (electron/host/integrity.ts),
 * and only then loads the app (out/electron/app.mjs, from main.ts). It has to be
 * a separate file: the app bundle's imports of native packages such as
 * sodium-native would run before any code of the same file could check them.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { app, dialog } from 'electron';
import { ReviewDeskError, isReviewDeskError } from '../../shared/errors.ts';
import { INTEGRITY_FILE, packagedRoots, parseIntegrityManifest, verifyUnpacked } from '../host/integrity.ts';

/** The app bundle beside this one (electron/app/bundle.mjs); a variable, so that esbuild leaves the import alone. */
const APP_BUNDLE = './app.mjs';

async function unpackedIntact(): Promise<ReviewDeskError | null> {
  if (!app.isPackaged) return null;
  try {
    const text = await readFile(join(import.meta.dirname, INTEGRITY_FILE), 'utf8').catch((e: unknown) => {
      throw new ReviewDeskError('E_APP_INTEGRITY', { file: INTEGRITY_FILE, reason: 'missing', count: 1 }, { cause: e });
    });
    await verifyUnpacked(parseIntegrityManifest(text), packagedRoots(app.getAppPath(), process.resourcesPath));
    return null;
  } catch (e) {
    return isReviewDeskError(e) ? e : new ReviewDeskError('E_APP_INTEGRITY', { file: INTEGRITY_FILE, reason: String(e), count: 1 });
  }
}

const refused = await unpackedIntact();
if (refused) {
  // After ready: on Linux an error box shown earlier only reaches stderr. (Awaiting ready here would deadlock:
  // Electron emits it once this module has finished.)
  void app.whenReady().then(() => {
    dialog.showErrorBox('ReviewDesk 评审台', `${refused.localized('zh-CN')}\n\n${refused.localized('en')}`);
    app.exit(1);
  });
} else {
  await import(APP_BUNDLE);
}
