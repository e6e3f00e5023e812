/**
 * The renderer's one way to the Node side: a typed `api` object with one async
 * function per contract channel, and `onEvent` for pushed events. Envelopes
 * are unwrapped here; a failure becomes an {@link ApiError} with the stable
 * code and the message in both languages. Only this module uses transport().
 */
import { CHANNELS, type Api, type Channel, type EventName, type EventPayload, type Input, type Output } from '../../shared/ipc/contract.ts';
import type { Locale } from '../../shared/i18n-text.ts';
import { transport } from './transport.ts';

export type LocalizedMessage = { 'zh-CN': string; en: string };

/** A failed call: stable code, message in both languages, and the values in it. */
export class ApiError extends Error {
  readonly code: string;
  readonly localized: LocalizedMessage;
  readonly params: Record<string, string | number>;
  constructor(code: string, message: LocalizedMessage, params: Record<string, string | number> = {}) {
    super(message.en);
    this.name = 'ApiError';
    this.code = code;
    this.localized = message;
    this.params = params;
  }
  /** The message in the interface language. */
  text(locale: Locale): string {
    return this.localized[locale] ?? this.localized.en;
  }
}

/** Any thrown value as an ApiError (a network failure of the loopback host included). */
export function toApiError(e: unknown): ApiError {
  if (e instanceof ApiError) return e;
  const reason = e instanceof Error ? e.message : String(e);
  return new ApiError('E_INTERNAL', {
    'zh-CN': `内部错误：${reason}。请把此信息报告给开发者。`,
    en: `Internal error: ${reason}. Please report this to the developers.`,
  });
}

async function call<C extends Channel>(channel: C, input: Input<C>): Promise<Output<C>> {
  let envelope;
  try {
    envelope = await transport().invoke(channel, input);
  } catch (e) {
    throw toApiError(e);
  }
  if (!envelope || typeof envelope !== 'object') throw toApiError(new Error(`${channel}: no answer`));
  if (envelope.ok) return envelope.value as Output<C>;
  const { code, message, params } = envelope.error;
  throw new ApiError(code, message, params ?? {});
}

/** One typed function per channel of the contract. */
export const api: Api = Object.fromEntries(CHANNELS.map((c) => [c, (input: Input<typeof c>) => call(c, input)])) as Api;

/** Subscribes to a pushed event; returns the unsubscribe function. */
export function onEvent<E extends EventName>(name: E, listener: (payload: EventPayload<E>) => void): () => void {
  return transport().on(name, (payload) => listener(payload as EventPayload<E>));
}

/**
 * Registers what must run before the desktop window closes (the main process waits for it, with a timeout).
 * The browser host has no such hook: there, pagehide has to do (see lib/leave.ts).
 */
export function onFlushRequest(handler: () => Promise<void>): void {
  transport().onFlushRequest?.(handler);
}
