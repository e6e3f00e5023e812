/** worker_threads side of the bundle pool (electron/merge/pool.ts): opens the files it is sent. */
import { parentPort, workerData } from 'node:worker_threads';
import { HeldHeads, openCandidate, type Depth, type KnownHead, type OpenKey } from './open.ts';

/** Serves open requests once the key is known; `{ ready: true }` tells the pool it may send them. */
function serve({ key, keepComments }: { key: OpenKey; keepComments: boolean }): void {
  // The heads this worker read, for the full opens the pool sends back to it (electron/merge/pool.ts).
  const held = new HeldHeads();
  parentPort!.on('message', (msg: { id: number; file: string; depth: Depth; known?: KnownHead } | { release: string[] }) => {
    if ('release' in msg) {
      for (const f of msg.release) held.take(f);
      return;
    }
    void openCandidate(msg.file, key, msg.depth, keepComments, msg.known, held).then((candidate) =>
      parentPort!.postMessage({ id: msg.id, candidate }),
    );
  });
  parentPort!.postMessage({ ready: true });
}

// Started with its key (workerData), or ahead of it by prewarmBundleWorkers: then the key is the first message.
const init = workerData as { key: OpenKey; keepComments: boolean } | undefined;
if (init?.key) serve(init);
else parentPort!.once('message', (m: { init: { key: OpenKey; keepComments: boolean } }) => serve(m.init));
