/** The two IPC names the glue uses: one for calls, one for pushed events. */
export const INVOKE = 'reviewdesk:invoke';
export const EVENT = 'reviewdesk:event';
/** The app's own origin under the custom protocol. */
export const APP_ORIGIN = 'app://reviewdesk';
