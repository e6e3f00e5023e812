/**
 * The preload bridge: exposes exactly two functions to the renderer —
 * `invoke(channel, input)` for the contract's channels and `on(event, cb)` for
 * pushed events, with Electron's event object stripped. Bundled to one CJS
 * file (sandboxed preloads cannot load modules).
 */
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import { CHANNELS, EVENTS } from '../../shared/ipc/contract.ts';
import { INVOKE, EVENT } from './ipc-names.ts';

const channels = new Set<string>(CHANNELS);
const events = new Set<string>(Object.keys(EVENTS));

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
});
