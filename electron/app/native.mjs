// The Electron-ABI build of better-sqlite3, kept apart from the Node build in
// node_modules (which `npm test` uses): out/native/electron/better_sqlite3.node.
// Built once per Electron and better-sqlite3 version, when the desktop app is
// started or packaged — never back and forth in node_modules.
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync, copyFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';

const require = createRequire(import.meta.url);
const root = resolve(import.meta.dirname, '..', '..');
export const ELECTRON_SQLITE = join(root, 'out', 'native', 'electron', 'better_sqlite3.node');

export async function buildElectronSqlite() {
  const electronVersion = require('electron/package.json').version;
  const sqliteDir = dirname(require.resolve('better-sqlite3/package.json'));
  const sqliteVersion = JSON.parse(readFileSync(join(sqliteDir, 'package.json'), 'utf8')).version;
  const stamp = `electron ${electronVersion} better-sqlite3 ${sqliteVersion} ${process.platform}-${process.arch}`;
  const stampFile = join(dirname(ELECTRON_SQLITE), 'stamp.txt');
  if (existsSync(ELECTRON_SQLITE) && existsSync(stampFile) && readFileSync(stampFile, 'utf8') === stamp) return ELECTRON_SQLITE;

  const work = join(root, 'out', 'native', 'work');
  rmSync(work, { recursive: true, force: true });
  mkdirSync(join(work, 'node_modules'), { recursive: true });
  cpSync(sqliteDir, join(work, 'node_modules', 'better-sqlite3'), {
    recursive: true,
    filter: (src) => !src.includes(`${join('better-sqlite3', 'build')}`),
  });
  writeFileSync(
    join(work, 'package.json'),
    JSON.stringify({ name: 'native-work', private: true, dependencies: { 'better-sqlite3': sqliteVersion } }),
  );
  const { rebuild } = await import('@electron/rebuild');
  console.log(`Building better-sqlite3 ${sqliteVersion} for Electron ${electronVersion}…`);
  await rebuild({ buildPath: work, electronVersion, onlyModules: ['better-sqlite3'], force: true, buildFromSource: true });
  mkdirSync(dirname(ELECTRON_SQLITE), { recursive: true });
  copyFileSync(join(work, 'node_modules', 'better-sqlite3', 'build', 'Release', 'better_sqlite3.node'), ELECTRON_SQLITE);
  writeFileSync(stampFile, stamp);
  rmSync(work, { recursive: true, force: true });
  return ELECTRON_SQLITE;
}

if (process.argv[1] && resolve(process.argv[1]) === resolve(import.meta.filename)) {
  await buildElectronSqlite();
}
