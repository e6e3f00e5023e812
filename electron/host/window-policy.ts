/**
 * What the Electron glue (electron/app/main.ts) sets on every window and
 * session, as plain data and functions so that it is tested without Electron:
 * the webPreferences, which keys open DevTools (refused in packaged builds),
 * and the application menu (none, or on macOS only what copy and paste and
 * quitting need — the default menu offers DevTools and reload).
 */

/** The webPreferences of every window the app opens. */
export function webPreferencesFor(preload: string, packaged: boolean) {
  return {
    preload,
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    experimentalFeatures: false,
    webviewTag: false,
    spellcheck: false,
    navigateOnDragDrop: false,
    safeDialogs: true,
    // A packaged build has no DevTools at all: no menu item, no shortcut, no openDevTools() that works.
    devTools: !packaged,
  } as const;
}

/** The part of Electron's `Input` (before-input-event) the shortcut check reads. */
export interface KeyInput {
  type: string;
  key: string;
  code?: string;
  control: boolean;
  meta: boolean;
  alt: boolean;
  shift: boolean;
}

/**
 * Whether a key opens DevTools (F12, Ctrl+Shift+I/J/C, ⌘+⌥+I/J/C) or the page source (Ctrl/⌘+U). Reload keys are
 * left alone: with no menu they do nothing, and with the drafts flushed they would lose nothing.
 */
export function isDevToolsShortcut(input: KeyInput, platform: NodeJS.Platform): boolean {
  if (input.type !== 'keyDown') return false;
  const key = input.key.length === 1 ? input.key.toLowerCase() : input.key;
  if (key === 'F12') return true;
  const mod = platform === 'darwin' ? input.meta : input.control;
  if (!mod) return false;
  if (key === 'u' && !input.shift && !input.alt) return true;
  const second = platform === 'darwin' ? input.alt : input.shift;
  return second && (key === 'i' || key === 'j' || key === 'c');
}

/** A menu item as Electron's template takes it: only roles, no custom actions. */
export interface MenuItemSpec {
  role?: 'appMenu' | 'editMenu' | 'windowMenu' | 'quit' | 'close' | 'minimize';
  label?: string;
  submenu?: MenuItemSpec[];
}

/**
 * The application menu: on macOS the app menu (About, Hide, Quit) plus Edit (copy, paste, undo: without it
 * those shortcuts do nothing in text fields there) and Window; elsewhere none, since Chromium handles the
 * editing keys itself. `null` means no menu at all; `undefined` keeps Electron's default (development only).
 */
export function applicationMenu(platform: NodeJS.Platform, packaged: boolean): MenuItemSpec[] | null | undefined {
  if (!packaged) return undefined;
  if (platform === 'darwin') return [{ role: 'appMenu' }, { role: 'editMenu' }, { role: 'windowMenu' }];
  return null;
}

/** URLs a session may load: only the app's own origin (and, in development, DevTools' own pages). */
export function allowedRequest(url: string, appOrigin: string, packaged: boolean): boolean {
  if (url === appOrigin || url.startsWith(`${appOrigin}/`)) return true;
  if (url.startsWith('blob:') || url.startsWith('data:')) return true;
  return !packaged && url.startsWith('devtools:');
}
