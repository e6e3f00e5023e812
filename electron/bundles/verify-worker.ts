/**
 * Worker thread of verifyBundleFiles: checks the bundle files it claims from
 * the job's shared counter and posts each verdict back. Started through
 * electron/workers/ts-worker.mjs.
 */
import { parentPort } from 'node:worker_threads';
import { verifyClaimed, type BundleJob } from './verify.ts';

const port = parentPort;
if (!port) throw new Error('verify-worker.ts runs only as a worker thread');
port.on('message', (job: BundleJob) => {
  void verifyClaimed(job, (index, verdict) => port.postMessage({ id: job.id, index, verdict }));
});
port.postMessage('ready');
