#!/usr/bin/env node
// `npm start`: builds what is stale, then starts the desktop app on its own
// workspace (prepared with the bundled demo round when it is empty). Where the
// Electron binary is not installed (machines that cannot download it), it says
// so and serves the same renderer and handlers to a local browser tab instead.
import { execFileSync, spawn } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';

const require = createRequire(import.meta.url);
const root = resolve(import.meta.dirname, '..', '..');
const npx = process.platform === 'win32' ? 'npx.cmd' : 'npx';

function newest(dir) {
  let t = 0;
  for (const e of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (e.isFile()) t = Math.max(t, statSync(join(e.parentPath, e.name)).mtimeMs);
  }
  return t;
}

/** Rebuilds the renderer when its sources (or shared/) changed since the last build. */
export function ensureRenderer() {
  const index = join(root, 'out', 'renderer', 'index.html');
  if (existsSync(index) && statSync(index).mtimeMs >= Math.max(newest(join(root, 'renderer')), newest(join(root, 'shared')))) return;
  console.log('Building the renderer (vite build)…');
  execFileSync(npx, ['vite', 'build', '--logLevel', 'warn'], { cwd: root, stdio: 'inherit' });
}

function electronBinary() {
  try {
    return require('electron');
  } catch {
    return null;
  }
}

if (process.argv[1] && resolve(process.argv[1]) === resolve(import.meta.filename)) {
  ensureRenderer();
  const browserOnly = process.argv.includes('--browser');
  const args = process.argv.slice(2).filter((a) => a !== '--browser');
  const electron = browserOnly ? null : electronBinary();
  if (electron) {
    execFileSync(process.execPath, [join(root, 'electron', 'app', 'bundle.mjs')], { stdio: 'inherit' });
    const { buildElectronSqlite } = await import('./native.mjs');
    const binding = await buildElectronSqlite();
    const child = spawn(electron, [join(root, 'out', 'electron', 'main.mjs'), ...args], {
      stdio: 'inherit',
      env: { ...process.env, REVIEWDESK_SQLITE_BINDING: binding, REVIEWDESK_DEMO_IF_EMPTY: '1' },
    });
    child.on('exit', (code) => process.exit(code ?? 0));
  } else {
    if (!browserOnly)
      console.log(
        "Electron's binary is not installed here (its download is not reachable), so ReviewDesk starts in the browser host:\n" +
          'the same renderer and handlers, served on 127.0.0.1 with a one-time token. Open the URL below in a browser.\n',
      );
    const child = spawn(
      process.execPath,
      [join(root, 'electron', 'cli', 'run-ts.mjs'), join(root, 'electron', 'host', 'start-browser.ts'), ...args],
      {
        stdio: 'inherit',
      },
    );
    child.on('exit', (code) => process.exit(code ?? 0));
  }
}
