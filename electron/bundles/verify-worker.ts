/**
 * Worker thread of verifyBundleFiles: checks the bundle files it claims from
 * the job's shared counter and posts the verdicts back in batches (one
 * message per file cost the two threads more than a tenth of the checking
 * itself). Started through electron/workers/ts-worker.mjs.
 */
import { parentPort } from 'node:worker_threads';
import { VERDICT_BATCH, verifyClaimed, type BundleJob, type BundleVerdict, type VerdictBatch } from './verify.ts';

const port = parentPort;
if (!port) throw new Error('verify-worker.ts runs only as a worker thread');
port.on('message', (job: BundleJob) => {
  let batch: VerdictBatch = { id: job.id, indexes: [], verdicts: [] };
  const flush = (): void => {
    if (batch.indexes.length === 0) return;
    port.postMessage(batch);
    batch = { id: job.id, indexes: [], verdicts: [] };
  };
  const report = (index: number, verdict: BundleVerdict): void => {
    batch.indexes.push(index);
    batch.verdicts.push(verdict);
    if (batch.indexes.length >= VERDICT_BATCH) flush();
  };
  void verifyClaimed(job, report).finally(flush);
});
port.postMessage('ready');
