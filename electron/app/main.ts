/**
 * The Electron main process: the thin glue between Electron and the plain-Node
 * app. It hardens the window (context isolation, sandbox, no Node in the
 * renderer, strict CSP, `app://` instead of file://, no navigation, no new
 * windows, no permissions, no network, no spellchecker in any session; in
 * packaged builds no DevTools and a minimal menu: electron/host/window-policy.ts),
 * registers the one IPC handler that checks its sender and dispatches through
 * the handler table, and hands packages opened through the file association to
 * the same handlers. electron/app/entry.ts loads it after checking the files
 * outside the asar.
 */
import { join, resolve } from 'node:path';
import {
  BrowserWindow,
  Menu,
  app,
  dialog,
  ipcMain,
  protocol,
  safeStorage,
  session,
  type MenuItemConstructorOptions,
  type Session,
  type WebContents,
} from 'electron';
import { ReviewDeskError, isReviewDeskError } from '../../shared/errors.ts';
import type { EventName, EventPayload } from '../../shared/ipc/contract.ts';
import type { Host, SecretStore } from '../workspace/host.ts';
import { toWireError } from '../handlers/registry.ts';
import { externalFilesIn, openExternalFile } from '../host/external.ts';
import { checkAsk, decidePermission, requestAsk } from '../host/permissions.ts';
import { serveStatic } from '../host/static.ts';
import { allowedRequest, applicationMenu, isDevToolsShortcut, webPreferencesFor } from '../host/window-policy.ts';
import { openHostedWorkspace, type HostedWorkspace } from '../workspace/hosted.ts';
import { createCloseGuard } from '../../shared/ipc/flush.ts';
import { APP_ORIGIN, EVENT, FLUSH, FLUSH_ACK, INVOKE } from './ipc-names.ts';

const here = import.meta.dirname;
/** out/electron → out/renderer (the bundle layout of electron/app/bundle.mjs). */
const rendererDir = resolve(here, '..', 'renderer');
/** The Electron-ABI better-sqlite3-multiple-ciphers (node_modules keeps the Node build for the tests); see electron/app/native.mjs. */
const nativeBinding = app.isPackaged
  ? join(process.resourcesPath, 'native', 'better_sqlite3.node')
  : (process.env.REVIEWDESK_SQLITE_BINDING ?? resolve(here, '..', 'native', 'electron', 'better_sqlite3.node'));

protocol.registerSchemesAsPrivileged([{ scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true } }]);
app.enableSandbox();

let mainWindow: BrowserWindow | null = null;
let workspace: HostedWorkspace | null = null;
const pendingFiles: string[] = [];

function secrets(): SecretStore {
  const backend =
    process.platform === 'linux' ? safeStorage.getSelectedStorageBackend() : process.platform === 'darwin' ? 'keychain' : 'dpapi';
  // On Linux, `basic_text` means a hard-coded key: no real protection, so a passphrase is required instead.
  const available = safeStorage.isEncryptionAvailable() && backend !== 'basic_text' && backend !== 'unknown';
  return {
    available,
    backend,
    encrypt: (plain) => safeStorage.encryptString(plain),
    decrypt: (sealed) => safeStorage.decryptString(sealed),
  };
}

const webPreferences = webPreferencesFor(join(here, 'preload.cjs'), app.isPackaged);

function isAppUrl(url: string): boolean {
  return url === APP_ORIGIN || url.startsWith(`${APP_ORIGIN}/`);
}

function harden(contents: WebContents): void {
  contents.on('will-navigate', (e, url) => {
    if (!isAppUrl(url)) e.preventDefault();
  });
  contents.on('will-frame-navigate', (e) => {
    if (!isAppUrl(e.url)) e.preventDefault();
  });
  contents.on('will-redirect', (e) => e.preventDefault());
  contents.on('will-attach-webview', (e) => e.preventDefault());
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
  if (app.isPackaged) {
    // devTools: false already refuses to open them; the keys are swallowed too so that nothing else reacts to them.
    contents.on('before-input-event', (e, input) => {
      if (isDevToolsShortcut(input, process.platform)) e.preventDefault();
    });
    contents.on('devtools-opened', () => contents.closeDevTools());
  }
}

/**
 * Every session, the default one and any partition created later: no spellchecker (it fetches dictionaries from
 * the network, hands the typed text to the OS spellchecker on Windows and macOS, and keeps added words in the
 * profile's custom dictionary: comments are confidential), no permission but the camera on the site-visit screen
 * (decidePermission, electron/host/permissions.ts), no network.
 */
function hardenSession(ses: Session): void {
  ses.setSpellCheckerEnabled(false);
  ses.setPermissionRequestHandler((_wc, permission, cb, details) => cb(decidePermission(permission, requestAsk(details), APP_ORIGIN)));
  ses.setPermissionCheckHandler((_wc, permission, origin, details) => decidePermission(permission, checkAsk(origin, details), APP_ORIGIN));
  ses.setDevicePermissionHandler(() => false);
  ses.webRequest.onBeforeRequest((details, cb) => cb({ cancel: !allowedRequest(details.url, APP_ORIGIN, app.isPackaged) }));
}

async function printToPdf(route: string): Promise<Buffer> {
  const win = new BrowserWindow({ show: false, webPreferences });
  harden(win.webContents);
  try {
    await win.loadURL(`${APP_ORIGIN}/index.html${route}`);
    // The print route sets data-print-ready once its data has loaded.
    for (let i = 0; i < 100; i++) {
      if (await win.webContents.executeJavaScript('document.body.dataset.printReady === "true"')) break;
      await new Promise((r) => setTimeout(r, 100));
    }
    return await win.webContents.printToPDF({ pageSize: 'A4', printBackground: true, margins: { marginType: 'default' } });
  } finally {
    win.destroy();
  }
}

function host(): Host {
  return {
    secrets: secrets(),
    printToPdf,
    appVersion: app.getVersion(),
    emit<E extends EventName>(event: E, payload: EventPayload<E>) {
      mainWindow?.webContents.send(EVENT, event, payload);
    },
  };
}

/** A file opened from outside (file association, second instance): the operating system chose the path, not the renderer. */
async function openExternal(path: string): Promise<void> {
  if (!workspace || !mainWindow) {
    pendingFiles.push(path);
    return;
  }
  const w = workspace;
  mainWindow.webContents.send(EVENT, 'file:external', await openExternalFile(path, (c, i) => w.call(c, i)));
  if (mainWindow.isMinimized()) mainWindow.restore();
  mainWindow.focus();
}

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  app.on('second-instance', (_e, argv) => {
    for (const f of externalFilesIn(argv.slice(1))) void openExternal(f);
  });
  app.on('open-file', (e, path) => {
    e.preventDefault();
    void openExternal(path);
  });
  pendingFiles.push(...externalFilesIn(process.argv.slice(1)));

  app.on('session-created', (ses) => hardenSession(ses));
  app.on('web-contents-created', (_e, contents) => harden(contents));
  app.on('window-all-closed', () => app.quit());
  // Closing the workspace releases its lock (workspace.lock) for the next run.
  app.on('will-quit', () => {
    workspace?.close();
    workspace = null;
  });
  // Ctrl-C in `npm start`, or a polite kill: quit through will-quit rather than die holding the lock.
  for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => app.quit());

  void app.whenReady().then(async () => {
    // session-created may have fired for the default session before this listener existed: set it again.
    hardenSession(session.defaultSession);
    const menu = applicationMenu(process.platform, app.isPackaged);
    if (menu !== undefined) Menu.setApplicationMenu(menu && Menu.buildFromTemplate(menu as MenuItemConstructorOptions[]));
    protocol.handle('app', async (request) => {
      const url = new URL(request.url);
      if (url.host !== 'reviewdesk') return new Response('not found', { status: 404 });
      const file = await serveStatic(rendererDir, url.pathname);
      return new Response(new Uint8Array(file.body), { status: file.status, headers: file.headers });
    });

    const dataDir = join(app.getPath('userData'), 'workspace');
    try {
      workspace = await openHostedWorkspace({
        dataDir,
        host: host(),
        options: { nativeBinding },
        // `npm start` in a checkout: the bundled demo round when there is nothing else.
        demoIfEmpty: !app.isPackaged && process.env.REVIEWDESK_DEMO_IF_EMPTY === '1',
      });
    } catch (e) {
      // E_WORKSPACE_LOCKED (the folder is open in another ReviewDesk process, e.g. the browser host on the same
      // folder), E_DB_NEWER, …: the stable message in both languages, then quit rather than run without a workspace.
      const message = isReviewDeskError(e) ? `${e.localized('zh-CN')}\n\n${e.localized('en')}` : String(e);
      dialog.showErrorBox('ReviewDesk 评审台', `${message}\n\n${dataDir}`);
      app.exit(1);
      return;
    }
    ipcMain.handle(INVOKE, (event, channel: unknown, input: unknown) => {
      // Only the top frame of one of our own windows, showing our own app:// page.
      const frame = event.senderFrame;
      if (!frame || frame !== event.sender.mainFrame || !isAppUrl(frame.url) || !BrowserWindow.fromWebContents(event.sender)) {
        return { ok: false, error: toWireError(new ReviewDeskError('E_FORBIDDEN_SENDER')) };
      }
      return workspace!.call(channel, input);
    });

    mainWindow = new BrowserWindow({
      width: 1280,
      height: 800,
      minWidth: 1024,
      minHeight: 700,
      show: false,
      title: 'ReviewDesk 评审台',
      webPreferences,
    });
    mainWindow.once('ready-to-show', () => mainWindow?.show());
    // Closing first lets the renderer save what is being typed (shared/ipc/flush.ts).
    const win = mainWindow;
    const guard = createCloseGuard({ requestFlush: (id) => win.webContents.send(FLUSH, id), close: () => win.close() });
    win.on('close', (e) => {
      if (guard.onClose()) e.preventDefault();
    });
    ipcMain.on(FLUSH_ACK, (e, id: unknown) => {
      if (e.sender === win.webContents) guard.acknowledge(id);
    });
    win.webContents.on('render-process-gone', () => guard.rendererGone());
    // A page that asks before being left (unsaved consensus edits): Electron shows nothing by itself.
    win.webContents.on('will-prevent-unload', (e) => {
      const leave = dialog.showMessageBoxSync(win, {
        type: 'question',
        buttons: ['离开 Leave', '留下 Stay'],
        defaultId: 1,
        cancelId: 1,
        message: '有未保存的更改，仍要离开吗？\nThere are unsaved changes. Leave anyway?',
      });
      if (leave === 0) e.preventDefault();
    });
    await mainWindow.loadURL(`${APP_ORIGIN}/index.html`);
    for (const f of pendingFiles.splice(0)) await openExternal(f);
  });
}
