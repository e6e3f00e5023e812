/**
 * Child process of the workspace lock test: a separate ReviewDesk process on
 * one workspace folder, driven line by line on stdin. Usage (through tsx):
 *
 *     node electron/cli/run-ts.mjs test/unit/workspace-lock-child.ts DATA_DIR
 *
 * Prints `loaded PID`, then answers `open` with `ready` or `refused CODE PARAMS`
 * and `close` with `closed`; `exit` closes and exits.
 */
import { createInterface } from 'node:readline';
import { isReviewDeskError } from '../../shared/errors.ts';
import { noKeychain } from '../../electron/workspace/host.ts';
import { openWorkspace, type Workspace } from '../../electron/workspace/open.ts';

const dataDir = process.argv[2]!;
let ws: Workspace | null = null;
const say = (line: string): void => void process.stdout.write(`${line}\n`);

say(`loaded ${process.pid}`);
for await (const line of createInterface({ input: process.stdin })) {
  if (line === 'open') {
    try {
      ws = await openWorkspace(dataDir, { secrets: noKeychain(), emit: () => undefined, appVersion: 'lock-test-child' });
      say('ready');
    } catch (e) {
      say(isReviewDeskError(e) ? `refused ${e.code} ${JSON.stringify(e.params)}` : `error ${String(e)}`);
    }
  } else if (line === 'close') {
    ws?.close();
    ws = null;
    say('closed');
  } else if (line === 'exit') {
    break;
  }
}
ws?.close();
