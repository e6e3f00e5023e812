/**
 * The preload bridge: exposes to the renderer `invoke(channel, input)` for the
 * contract's channels, `on(event, cb)` for pushed events, with Electron's event
 * object stripped, and `onFlushRequest(handler)` for the close handshake. Bundled to one CJS
 * file (sandboxed preloads cannot load modules).
 */
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import { CHANNELS, EVENTS } from '../../shared/ipc/contract.ts';
import { answerFlushRequests } from '../../shared/ipc/flush.ts';
import { INVOKE, EVENT, FLUSH, FLUSH_ACK } from './ipc-names.ts';

const channels = new Set<string>(CHANNELS);
const events = new Set<string>(Object.keys(EVENTS));
let flushHandler: (() => Promise<void>) | null = null;
const answer = answerFlushRequests(
  async () => flushHandler?.(),
  (id) => ipcRenderer.send(FLUSH_ACK, id),
);
ipcRenderer.on(FLUSH, (_e: IpcRendererEvent, id: number) => answer(id));

contextBridge.exposeInMainWorld('reviewdesk', {
  invoke: (channel: string, input: unknown): Promise<unknown> => {
    if (!channels.has(channel)) return Promise.reject(new Error(`unknown channel ${String(channel)}`));
    return ipcRenderer.invoke(INVOKE, channel, input) as Promise<unknown>;
  },
  on: (event: string, listener: (payload: unknown) => void): (() => void) => {
    if (!events.has(event)) throw new Error(`unknown event ${String(event)}`);
    const wrapped = (_e: IpcRendererEvent, name: string, payload: unknown): void => {
      if (name === event) listener(payload);
    };
    ipcRenderer.on(EVENT, wrapped);
    return () => ipcRenderer.removeListener(EVENT, wrapped);
  },
  onFlushRequest: (handler: () => Promise<void>): void => {
    flushHandler = handler;
  },
});
