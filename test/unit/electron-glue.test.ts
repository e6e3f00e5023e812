/**
 * The Electron glue cannot run here (no Electron binary): its policy is tested
 * as plain functions (electron/host/window-policy.ts), and what main.ts and
 * entry.ts do with it is asserted on their source.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { checkAsk, decidePermission, isVisitRoute, requestAsk, type PermissionAsk } from '../../electron/host/permissions.ts';
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

describe('permissions (decidePermission)', () => {
  const origin = 'app://reviewdesk';
  const pkg = '3f2b8c1e-9d4a-4b7e-8f00-0123456789ab';
  const visit = `${origin}/index.html#/p/${pkg}/v/A001`;
  const camera: PermissionAsk = { url: visit, isMainFrame: true, mediaTypes: ['video'] };
  const decide = (ask: Partial<PermissionAsk>, permission = 'media') => decidePermission(permission, { ...camera, ...ask }, origin);

  it('allows the camera (video alone) to the top frame of the app on the site-visit screen', () => {
    expect(decide({})).toBe(true);
    expect(decide({ url: `${origin}/#/p/${pkg}/v/A001` })).toBe(true);
    expect(decide({ url: `${origin}/index.html#/p/${pkg}/v/A-01.x_2` })).toBe(true);
    // The origin Electron reports beside the URL, with or without its trailing slash.
    expect(decide({ origin })).toBe(true);
    expect(decide({ origin: `${origin}/` })).toBe(true);
  });

  it('denies the microphone, audio with video, and a media ask that names nothing', () => {
    expect(decide({ mediaTypes: ['audio'] })).toBe(false);
    expect(decide({ mediaTypes: ['video', 'audio'] })).toBe(false);
    expect(decide({ mediaTypes: ['unknown'] })).toBe(false);
    expect(decide({ mediaTypes: [] })).toBe(false);
    expect(decide({ mediaTypes: undefined })).toBe(false);
  });

  it('denies every other route of the app, including the review, package, print and merge screens', () => {
    for (const hash of [
      '',
      '#/packages',
      `#/p/${pkg}`,
      `#/p/${pkg}/a/A001`,
      `#/p/${pkg}/a/A001/c/C1`,
      `#/p/${pkg}/finish/A001`,
      `#/print/${pkg}`,
      '#/merge',
      '#/merge/a/A001',
      `#/p/${pkg}/v/A001/extra`,
      `#/p/${pkg}/v/`,
      `#/p/${pkg}/v/A001?x=1`,
      `#/p/not-a-package/v/A001`,
      `#/p/${pkg}/v/%2E%2E`,
      `#/p/${pkg}/v/A%2F1`,
      `#/p/${pkg}/v/%E0%A4%A`,
      `#/x#/p/${pkg}/v/A001`,
    ])
      expect(decide({ url: `${origin}/index.html${hash}` }), hash).toBe(false);
    expect(isVisitRoute(`#/p/${pkg}/v/A001`)).toBe(true);
  });

  it('denies any other origin, path, sub-frame or missing URL, even on the visit route', () => {
    const route = `#/p/${pkg}/v/A001`;
    for (const url of [
      `app://reviewdesk.evil/index.html${route}`,
      `app://evil/index.html${route}`,
      `app://user@reviewdesk/index.html${route}`,
      `app://reviewdesk:8080/index.html${route}`,
      `https://reviewdesk/index.html${route}`,
      `file:///index.html${route}`,
      `http://127.0.0.1:5173/${route}`,
      `${origin}/other.html${route}`,
      `${origin}/index.html?x=1${route}`,
      `devtools://devtools/bundled/x.html${route}`,
      'not a url',
      '',
    ])
      expect(decide({ url }), url).toBe(false);
    expect(decide({ url: undefined })).toBe(false);
    expect(decide({ isMainFrame: false })).toBe(false);
    expect(decide({ origin: 'https://example.com' })).toBe(false);
    expect(decide({ origin: '' })).toBe(false);
  });

  it('denies every permission other than media, on the visit screen too', () => {
    for (const p of [
      'geolocation',
      'notifications',
      'clipboard-read',
      'clipboard-sanitized-write',
      'display-capture',
      'fullscreen',
      'openExternal',
      'fileSystem',
      'midi',
      'midiSysex',
      'hid',
      'serial',
      'usb',
      'pointerLock',
      'keyboardLock',
      'idle-detection',
      'storage-access',
      'top-level-storage-access',
      'window-management',
      'speaker-selection',
      'mediaKeySystem',
      'unknown',
    ])
      expect(decide({}, p), p).toBe(false);
  });

  it("reads Electron's request and check details the same way", () => {
    expect(requestAsk({ requestingUrl: visit, isMainFrame: true, mediaTypes: ['video'], securityOrigin: `${origin}/` })).toEqual({
      url: visit,
      isMainFrame: true,
      mediaTypes: ['video'],
      origin: `${origin}/`,
    });
    expect(requestAsk({ requestingUrl: visit, isMainFrame: true })).toEqual({ url: visit, isMainFrame: true });
    expect(checkAsk(`${origin}/`, { requestingUrl: visit, isMainFrame: true, mediaType: 'video' })).toEqual({
      url: visit,
      isMainFrame: true,
      mediaTypes: ['video'],
      origin: `${origin}/`,
    });
    // A check from a cross-origin sub-frame has no URL; one for the microphone names audio.
    expect(decidePermission('media', checkAsk(origin, { isMainFrame: false, mediaType: 'video' }), origin)).toBe(false);
    expect(decidePermission('media', checkAsk(origin, { requestingUrl: visit, isMainFrame: true, mediaType: 'audio' }), origin)).toBe(
      false,
    );
    expect(decidePermission('media', checkAsk(origin, { requestingUrl: visit, isMainFrame: true, mediaType: 'video' }), origin)).toBe(true);
    expect(
      decidePermission(
        'media',
        requestAsk({ requestingUrl: visit, isMainFrame: true, mediaTypes: ['video'], securityOrigin: 'app://x/' }),
        origin,
      ),
    ).toBe(false);
  });
});

describe('main.ts (source)', () => {
  it('hardens every session: spellchecker off, every permission denied but the camera on the site-visit screen, network refused', () => {
    const harden = body(main, 'hardenSession');
    expect(harden).toContain('ses.setSpellCheckerEnabled(false)');
    // Both permission handlers answer with the one decision (tested below), for the app's origin; devices stay denied.
    expect(harden).toMatch(
      /setPermissionRequestHandler\(\(_wc, permission, cb, details\) =>\s*cb\(decidePermission\(permission, requestAsk\(details\), APP_ORIGIN\)\)/,
    );
    expect(harden).toMatch(
      /setPermissionCheckHandler\(\(_wc, permission, origin, details\) =>\s*decidePermission\(permission, checkAsk\(origin, details\), APP_ORIGIN\)/,
    );
    expect(main).toContain("import { checkAsk, decidePermission, requestAsk } from '../host/permissions.ts';");
    // No other permission handler anywhere in the glue, and none that grants outright.
    expect(main.match(/setPermission(Request|Check)Handler\(/g)).toHaveLength(2);
    expect(main).not.toMatch(/cb\(true\)|=> true\)/);
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
