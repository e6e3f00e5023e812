/**
 * What a handler may ask of the process hosting it. The Electron glue
 * (electron/app/) provides the real capabilities; the browser host and the
 * tests provide what exists outside Electron — plain Node, no stand-ins for
 * storage or crypto.
 */
import type { EventName, EventPayload } from '../../shared/ipc/contract.ts';

/** Electron's safeStorage, or its absence. */
export interface SecretStore {
  /** True only where the OS keychain really protects data (not Linux `basic_text`). */
  available: boolean;
  /** e.g. `keychain`, `dpapi`, `gnome_libsecret`, `basic_text`, `none`. */
  backend: string;
  encrypt(plain: string): Buffer;
  decrypt(sealed: Buffer): string;
}

export interface Host {
  secrets: SecretStore;
  /** Renders the app route `#/print/...` to PDF (Electron's printToPDF); absent where it cannot. */
  printToPdf?: (route: string) => Promise<Buffer>;
  /** Pushes an event to the renderer. */
  emit<E extends EventName>(event: E, payload: EventPayload<E>): void;
  /** Version string written into bundles. */
  appVersion: string;
}

/** A host with no keychain: the passphrase path (as on Linux with `basic_text`). */
export function noKeychain(backend = 'none'): SecretStore {
  const refuse = (): never => {
    throw new Error('no keychain');
  };
  return { available: false, backend, encrypt: refuse, decrypt: refuse };
}
