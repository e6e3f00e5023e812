// The Electron-ABI build of better-sqlite3-multiple-ciphers (better-sqlite3
// with SQLite3 Multiple Ciphers, for the encrypted workspace), kept apart from
// the Node build in node_modules (which `npm test` uses):
// out/native/electron/better_sqlite3.node (the addon keeps better-sqlite3's name).
// Built once per Electron and driver version, when the desktop app is
// started or packaged — never back and forth in node_modules.
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync, copyFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';

const require = createRequire(import.meta.url);
const root = resolve(import.meta.dirname, '..', '..');
export const ELECTRON_SQLITE = join(root, 'out', 'native', 'electron', 'better_sqlite3.node');
const DRIVER = 'better-sqlite3-multiple-ciphers';

export async function buildElectronSqlite() {
  const electronVersion = require('electron/package.json').version;
  const sqliteDir = dirname(require.resolve(`${DRIVER}/package.json`));
  const sqliteVersion = JSON.parse(readFileSync(join(sqliteDir, 'package.json'), 'utf8')).version;
  const stamp = `electron ${electronVersion} ${DRIVER} ${sqliteVersion} ${process.platform}-${process.arch}`;
  const stampFile = join(dirname(ELECTRON_SQLITE), 'stamp.txt');
  if (existsSync(ELECTRON_SQLITE) && existsSync(stampFile) && readFileSync(stampFile, 'utf8') === stamp) return ELECTRON_SQLITE;

  const work = join(root, 'out', 'native', 'work');
  rmSync(work, { recursive: true, force: true });
  mkdirSync(join(work, 'node_modules'), { recursive: true });
  cpSync(sqliteDir, join(work, 'node_modules', DRIVER), {
    recursive: true,
    filter: (src) => !src.includes(`${join(DRIVER, 'build')}`),
  });
  writeFileSync(
    join(work, 'package.json'),
    JSON.stringify({ name: 'native-work', private: true, dependencies: { [DRIVER]: sqliteVersion } }),
  );
  const { rebuild } = await import('@electron/rebuild');
  console.log(`Building ${DRIVER} ${sqliteVersion} for Electron ${electronVersion}…`);
  await rebuild({ buildPath: work, electronVersion, onlyModules: [DRIVER], force: true, buildFromSource: true });
  mkdirSync(dirname(ELECTRON_SQLITE), { recursive: true });
  copyFileSync(join(work, 'node_modules', DRIVER, 'build', 'Release', 'better_sqlite3.node'), ELECTRON_SQLITE);
  writeFileSync(stampFile, stamp);
  rmSync(work, { recursive: true, force: true });
  return ELECTRON_SQLITE;
}

if (process.argv[1] && resolve(process.argv[1]) === resolve(import.meta.filename)) {
  await buildElectronSqlite();
}
