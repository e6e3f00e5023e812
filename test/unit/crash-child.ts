/**
 * Child process of the crash test: applies review edits through the real
 * handler table as fast as it can and prints each acknowledged one. Usage:
 * crash-child DATA_DIR PACKAGE_ID APPLICATION_ID FIRST_SEQ CRITERION…, with
 * the workspace passphrase in CRASH_PASSPHRASE (the database is encrypted
 * and opens on unlock, as in the app).
 */
import { openWorkspace } from '../../electron/workspace/open.ts';
import { noKeychain } from '../../electron/workspace/host.ts';

const [dataDir, packageId, applicationId, first, ...criteria] = process.argv.slice(2);
const ws = await openWorkspace(dataDir!, { secrets: noKeychain(), emit: () => undefined, appVersion: 'crash-test' });
const unlocked = await ws.call('identity:unlock', { passphrase: process.env.CRASH_PASSPHRASE ?? '' });
if (!unlocked.ok) {
  process.stderr.write(JSON.stringify(unlocked.error) + '\n');
  process.exit(1);
}
process.stdout.write('ready\n');
for (let seq = Number(first); ; seq++) {
  const edit =
    seq % 5 === 0
      ? ({ field: 'opinion', value: `opinion ${seq}` } as const)
      : ({ field: 'comment', criterionId: criteria[seq % criteria.length]!, value: `comment ${seq}` } as const);
  const r = await ws.call('review:edit', { packageId, applicationId, edit });
  if (!r.ok) {
    process.stderr.write(JSON.stringify(r.error) + '\n');
    process.exit(1);
  }
  // A pipe write is synchronous on Linux: once the parent reads this line, the commit had returned.
  process.stdout.write(`ack ${seq} ${(r.value as { auditId: number }).auditId}\n`);
}
