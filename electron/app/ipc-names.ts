/** The IPC names the glue uses: calls, pushed events, and the close handshake (shared/ipc/flush.ts). */
export const INVOKE = 'reviewdesk:invoke';
export const EVENT = 'reviewdesk:event';
export const FLUSH = 'reviewdesk:flush';
export const FLUSH_ACK = 'reviewdesk:flush-ack';
/** The app's own origin under the custom protocol. */
export const APP_ORIGIN = 'app://reviewdesk';
