/** worker_threads side of the bundle pool (electron/merge/pool.ts): opens the files it is sent. */
import { parentPort, workerData } from 'node:worker_threads';
import { openCandidate, type Depth, type KnownHead, type OpenKey } from './open.ts';

const { key, keepComments } = workerData as { key: OpenKey; keepComments: boolean };
parentPort!.on('message', (msg: { id: number; file: string; depth: Depth; known?: KnownHead }) => {
  void openCandidate(msg.file, key, msg.depth, keepComments, msg.known).then((candidate) =>
    parentPort!.postMessage({ id: msg.id, candidate }),
  );
});
parentPort!.postMessage({ ready: true });
