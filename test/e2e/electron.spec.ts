/**
 * The same reviewer path against the real desktop app through Playwright's
 * `_electron`. Electron's binary cannot be downloaded on the machines that
 * build this project, so there this spec reports itself skipped, saying why.
 */
import { createRequire } from 'node:module';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { _electron as electron, expect, test } from '@playwright/test';

const require = createRequire(import.meta.url);

function electronBinary(): string | null {
  try {
    const path = require('electron') as string;
    return existsSync(path) ? path : null;
  } catch {
    return null;
  }
}

const binary = electronBinary();

test.describe('desktop app (Electron)', () => {
  test.skip(
    !binary,
    "Electron's binary is not installed on this machine (its download host is unreachable), so the desktop app cannot start here",
  );

  test('starts hardened and shows the first-run screen', async () => {
    const userData = mkdtempSync(join(tmpdir(), 'rd-electron-'));
    try {
      const app = await electron.launch({
        executablePath: binary!,
        args: [join(process.cwd(), 'out', 'electron', 'main.mjs'), `--user-data-dir=${userData}`],
        env: { ...process.env, REVIEWDESK_SQLITE_BINDING: join(process.cwd(), 'out', 'native', 'electron', 'better_sqlite3.node') },
      });
      const window = await app.firstWindow();
      expect(window.url()).toMatch(/^app:\/\/reviewdesk\//);
      const prefs = await app.evaluate(({ BrowserWindow }) => {
        const wc = BrowserWindow.getAllWindows()[0]!.webContents;
        return { url: wc.getURL() };
      });
      expect(prefs.url).toMatch(/^app:\/\/reviewdesk\//);
      expect(await window.evaluate(() => typeof (window as unknown as { require?: unknown }).require)).toBe('undefined');
      expect(await window.evaluate(() => typeof (window as unknown as { reviewdesk?: unknown }).reviewdesk)).toBe('object');
      await app.close();
    } finally {
      rmSync(userData, { recursive: true, force: true });
    }
  });
});
