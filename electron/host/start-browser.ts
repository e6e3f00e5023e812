/**
 * `npm run start:browser`: the real renderer and the real handlers on the
 * bundled demo round (when the data folder is empty), served to a local
 * browser tab. For trying the app where Electron cannot run; never packaged.
 *
 *   npm run start:browser [-- --data DIR] [--port N] [--secretariat]
 *
 * `--secretariat` sets up the demo round's secretariat instead (data in
 * `.reviewdesk/browser-secretariat` unless --data), for trying the merge: drop
 * the printed `bundles/*.rsb` into its 汇总 / Merge screen.
 *
 * electron/app/start.mjs builds the renderer first when it is stale.
 */
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { isReviewDeskError } from '../../shared/errors.ts';
import { noKeychain, type Host } from '../workspace/host.ts';
import { INCOMING_DIR } from '../workspace/open.ts';
import { startBrowserHost, type BrowserHost } from './browser.ts';
import { openHostedWorkspace } from '../workspace/hosted.ts';

const { values } = parseArgs({ options: { data: { type: 'string' }, port: { type: 'string' }, secretariat: { type: 'boolean' } } });
const dataDir = resolve(values.data ?? (values.secretariat ? '.reviewdesk/browser-secretariat' : '.reviewdesk/browser'));
const rendererDir = resolve(import.meta.dirname, '..', '..', 'out', 'renderer');

let server: BrowserHost | null = null;
const host: Host = {
  // A browser tab has no OS keychain: the passphrase path, as on Linux with basic_text.
  secrets: noKeychain('browser'),
  appVersion: process.env.npm_package_version ?? 'dev',
  emit: (event, payload) => server?.emit(event, payload),
};
const ws = await openHostedWorkspace({ dataDir, host, demoIfEmpty: true, secretariat: Boolean(values.secretariat) }).catch((e: unknown) => {
  // E_WORKSPACE_LOCKED (another run on this folder), E_DB_NEWER, …: say so in both languages, without a stack trace.
  if (!isReviewDeskError(e)) throw e;
  console.error(`${e.localized('zh-CN')}\n${e.localized('en')}\n  data: ${dataDir}`);
  process.exit(1);
});
server = await startBrowserHost({
  rendererDir,
  dispatch: ws.call,
  stageDir: join(dataDir, INCOMING_DIR),
  ...(values.port ? { port: Number(values.port) } : {}),
}).catch((e: unknown) => {
  ws.close(); // e.g. the port is taken: do not leave the workspace locked behind
  throw e;
});
console.log(`ReviewDesk 评审台 — browser host (loopback only; this token is new every run)\n  data: ${dataDir}\n  open: ${server.url}`);
if (ws.demo) {
  console.log(
    `  demo: expert E01 of the bundled demo round (${ws.demo.demoDir}), its package already imported.` +
      (ws.demo.passphrase ? `\n        DEMO ONLY passphrase for unlocking after a restart: ${ws.demo.passphrase}` : ''),
  );
}
if (ws.demoSecretariat) {
  console.log(
    `  demo: the secretariat of the bundled demo round (${ws.demoSecretariat.demoDir}), its signed ledger already imported.\n` +
      `        Drag these score bundles into 汇总 / Merge: ${ws.demoSecretariat.bundlesDir}/*.rsb` +
      (ws.demoSecretariat.passphrase
        ? `\n        DEMO ONLY passphrase for unlocking after a restart: ${ws.demoSecretariat.passphrase}`
        : ''),
  );
}
// Closing the workspace releases its lock (workspace.lock), so the next run on this folder may open it.
let stopping = false;
const stop = (): void => {
  if (stopping) return;
  stopping = true;
  void server?.close().then(() => {
    ws.close();
    process.exit(0);
  });
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
