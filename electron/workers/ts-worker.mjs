// Entry of worker threads whose code is TypeScript run from source: registers
// tsx in the new thread (as electron/cli/reviewdesk.mjs does for the process)
// and imports the module named in workerData. A build that compiles the
// TypeScript starts its workers on the compiled module directly instead.
import { workerData } from 'node:worker_threads';
import { register } from 'tsx/esm/api';

register();
await import(workerData.module);
