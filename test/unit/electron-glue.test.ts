/**
 * The Electron glue cannot run here (no Electron binary): its policy is tested
 * as plain functions (electron/host/window-policy.ts), and what main.ts and
 * entry.ts do with it is asserted on their source.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  allowedRequest,
  applicationMenu,
  isDevToolsShortcut,
  webPreferencesFor,
  type KeyInput,
} from '../../electron/host/window-policy.ts';

const main = readFileSync('electron/app/main.ts', 'utf8');
const entry = readFileSync('electron/app/entry.ts', 'utf8');
/** The body of a function declared in main.ts, up to the next top-level closing brace. */
function body(source: string, name: string): string {
  const start = source.indexOf(`function ${name}(`);
  expect(start, `function ${name}`).toBeGreaterThan(-1);
  return source.slice(start, source.indexOf('\n}\n', start));
}
const key = (k: string, mods: Partial<KeyInput> = {}): KeyInput => ({
  type: 'keyDown',
  key: k,
  control: false,
  meta: false,
  alt: false,
  shift: false,
  ...mods,
});

describe('window policy', () => {
  it('isolates and sandboxes every window, with no Node, no spellchecker, and no DevTools when packaged', () => {
    const packaged = webPreferencesFor('/p/preload.cjs', true);
    expect(packaged).toMatchObject({
      preload: '/p/preload.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      spellcheck: false,
      devTools: false,
    });
    expect(webPreferencesFor('/p/preload.cjs', false).devTools).toBe(true);
  });

  it('recognises the DevTools and view-source keys on each platform, and nothing else', () => {
    expect(isDevToolsShortcut(key('F12'), 'win32')).toBe(true);
    expect(isDevToolsShortcut(key('I', { control: true, shift: true }), 'linux')).toBe(true);
    expect(isDevToolsShortcut(key('j', { control: true, shift: true }), 'win32')).toBe(true);
    expect(isDevToolsShortcut(key('c', { control: true, shift: true }), 'linux')).toBe(true);
    expect(isDevToolsShortcut(key('u', { control: true }), 'linux')).toBe(true);
    expect(isDevToolsShortcut(key('i', { meta: true, alt: true }), 'darwin')).toBe(true);
    // Copy, paste, save and the reviewer's own keys are not touched.
    expect(isDevToolsShortcut(key('c', { control: true }), 'linux')).toBe(false);
    expect(isDevToolsShortcut(key('v', { meta: true }), 'darwin')).toBe(false);
    expect(isDevToolsShortcut(key('i', { control: true, shift: true }), 'darwin')).toBe(false);
    expect(isDevToolsShortcut(key('Enter', { control: true }), 'win32')).toBe(false);
    expect(isDevToolsShortcut({ ...key('F12'), type: 'keyUp' }, 'win32')).toBe(false);
  });

  it('keeps copy and paste on macOS with a minimal menu, and has none elsewhere when packaged', () => {
    const mac = applicationMenu('darwin', true)!;
    expect(mac.map((m) => m.role)).toEqual(['appMenu', 'editMenu', 'windowMenu']);
    expect(JSON.stringify(mac)).not.toMatch(/toggleDevTools|reload|viewMenu/i);
    expect(applicationMenu('win32', true)).toBeNull();
    expect(applicationMenu('linux', true)).toBeNull();
    expect(applicationMenu('linux', false)).toBeUndefined();
  });

  it("lets a session load only the app's own origin (DevTools pages only in development)", () => {
    const origin = 'app://reviewdesk';
    expect(allowedRequest('app://reviewdesk/index.html', origin, true)).toBe(true);
    expect(allowedRequest('app://reviewdesk.evil/x', origin, true)).toBe(false);
    expect(allowedRequest('https://example.com/', origin, true)).toBe(false);
    expect(allowedRequest('file:///etc/passwd', origin, true)).toBe(false);
    expect(allowedRequest('devtools://devtools/bundled/x.html', origin, true)).toBe(false);
    expect(allowedRequest('devtools://devtools/bundled/x.html', origin, false)).toBe(true);
  });
});

describe('main.ts (source)', () => {
  it('hardens every session: spellchecker off, every permission denied, network refused', () => {
    const harden = body(main, 'hardenSession');
    expect(harden).toContain('ses.setSpellCheckerEnabled(false)');
    expect(harden).toMatch(/setPermissionRequestHandler\(\(_wc, _perm, cb\) => cb\(false\)\)/);
    expect(harden).toContain('setPermissionCheckHandler(() => false)');
    expect(harden).toContain('setDevicePermissionHandler(() => false)');
    expect(harden).toMatch(/onBeforeRequest\([^)]*\) => cb\(\{ cancel: !allowedRequest\(/);
    expect(main).toContain("app.on('session-created', (ses) => hardenSession(ses))");
    expect(main).toContain('hardenSession(session.defaultSession)');
  });

  it('opens every window with the policy, DevTools off when packaged, and blocks navigation and new windows', () => {
    expect(main).toContain("webPreferencesFor(join(here, 'preload.cjs'), app.isPackaged)");
    // Every window (the main one, the hidden print window) takes that one object, never options of its own.
    const windows = main.split('new BrowserWindow(').slice(1);
    expect(windows.length).toBeGreaterThanOrEqual(2);
    for (const w of windows) expect(w.slice(0, w.indexOf(')'))).toMatch(/\bwebPreferences\b(?!:)/);
    expect(main).not.toMatch(/webPreferences: /);
    const harden = body(main, 'harden');
    for (const s of [
      "'will-navigate'",
      "'will-frame-navigate'",
      "'will-redirect'",
      "'will-attach-webview'",
      "setWindowOpenHandler(() => ({ action: 'deny' }))",
    ])
      expect(harden).toContain(s);
    expect(harden).toMatch(/if \(app\.isPackaged\) \{[\s\S]*isDevToolsShortcut\(input, process\.platform\)[\s\S]*closeDevTools/);
    expect(main).toContain("app.on('web-contents-created', (_e, contents) => harden(contents))");
    expect(main).toContain('Menu.setApplicationMenu(');
    expect(main).toContain('applicationMenu(process.platform, app.isPackaged)');
    expect(main).toContain('app.enableSandbox()');
    expect(main).not.toMatch(/openDevTools|nodeIntegration: true|contextIsolation: false|webSecurity: false|shell\.openExternal/);
  });
});

describe('entry.ts (source)', () => {
  it('checks the unpacked files before the app bundle (and its native imports) loads, and refuses with the bilingual message', () => {
    const check = entry.indexOf('verifyUnpacked(');
    const load = entry.indexOf('await import(APP_BUNDLE)');
    expect(check).toBeGreaterThan(-1);
    expect(load).toBeGreaterThan(check);
    expect(entry).toMatch(/if \(!app\.isPackaged\) return null;/);
    expect(entry).toContain("refused.localized('zh-CN')");
    expect(entry).toContain("refused.localized('en')");
    expect(entry).toContain('app.exit(1)');
    // Only Electron, Node and the plain integrity module: nothing native is imported before the check.
    const imports = [...entry.matchAll(/^import .* from '([^']+)';$/gm)].map((m) => m[1]);
    expect(imports.sort()).toEqual(['../../shared/errors.ts', '../host/integrity.ts', 'electron', 'node:fs/promises', 'node:path']);
    expect(JSON.parse(readFileSync('package.json', 'utf8')).main).toBe('out/electron/main.mjs');
  });
});
