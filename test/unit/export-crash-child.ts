/**
 * Child process of the export crash test: opens the workspace (which
 * reconciles exports/), unlocks, changes the opinion so the content differs
 * from every earlier export, exports, and prints what it exported. The test
 * kills it at a named step with REVIEWDESK_TEST_KILL_AT. Usage:
 * export-crash-child DATA_DIR PACKAGE_ID PASSPHRASE SEQ
 */
import { openWorkspace } from '../../electron/workspace/open.ts';
import { noKeychain } from '../../electron/workspace/host.ts';

const [dataDir, packageId, passphrase, seq] = process.argv.slice(2);
const ws = await openWorkspace(dataDir!, { secrets: noKeychain(), emit: () => undefined, appVersion: 'export-crash-test' });
await ws.invoke('identity:unlock', { passphrase: passphrase! });
await ws.invoke('review:edit', { packageId: packageId!, applicationId: 'A001', edit: { field: 'opinion', value: `run ${seq}` } });
const r = await ws.invoke('bundle:export', { packageId: packageId!, allowIncomplete: true });
process.stdout.write(`exported ${r.revision} ${r.sha256} ${r.fileName}\n`);
ws.close();
