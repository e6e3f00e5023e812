/**
 * The one handler table. Every channel of the contract has exactly one plain
 * function `(input, ctx) => output`; `dispatch` checks the channel, parses the
 * input with the contract's schema, runs the handler, checks the output, and
 * wraps the result in an envelope. The Electron glue and the browser host both
 * call `dispatch`; neither has any other way in.
 */
import { type z } from 'zod';
import { ReviewDeskError, fromFileSystemError, isReviewDeskError } from '../../shared/errors.ts';
import { findLoneSurrogate, safeLine, safeLines } from '../../shared/safe-text.ts';
import {
  CONTRACT,
  isChannel,
  type Channel,
  type Envelope,
  type Output,
  type ParsedInput,
  type WireError,
} from '../../shared/ipc/contract.ts';

export type Handler<C extends Channel, Ctx> = (input: ParsedInput<C>, ctx: Ctx) => Promise<Output<C>> | Output<C>;
export type HandlerTable<Ctx> = { [C in Channel]: Handler<C, Ctx> };

/** Builds the table from per-domain pieces, refusing a channel defined twice or missing. */
export function defineHandlers<Ctx>(...parts: Partial<HandlerTable<Ctx>>[]): HandlerTable<Ctx> {
  const table: Partial<Record<Channel, unknown>> = {};
  for (const part of parts) {
    for (const [name, fn] of Object.entries(part)) {
      if (!isChannel(name)) throw new Error(`handler for unknown channel ${name}`);
      if (table[name]) throw new Error(`channel ${name} has two handlers`);
      table[name] = fn;
    }
  }
  const missing = Object.keys(CONTRACT).filter((c) => !table[c as Channel]);
  if (missing.length) throw new Error(`channels without a handler: ${missing.join(', ')}`);
  return table as HandlerTable<Ctx>;
}

function describe(error: z.ZodError): string {
  return error.issues
    .slice(0, 3)
    .map((i) => `${i.path.join('.') || '(input)'}: ${i.message}`)
    .join('; ');
}

export function toWireError(e: unknown): WireError {
  const err = isReviewDeskError(e)
    ? e
    : (fromFileSystemError(e) ?? new ReviewDeskError('E_INTERNAL', { reason: e instanceof Error ? e.message : String(e) }, { cause: e }));
  const json = err.toJSON();
  return { code: json.code, message: json.message, params: json.params };
}

/** Runs one call through the table; never throws. */
export async function dispatch<Ctx>(table: HandlerTable<Ctx>, channel: unknown, input: unknown, ctx: Ctx): Promise<Envelope<unknown>> {
  try {
    if (!isChannel(channel)) throw new ReviewDeskError('E_UNKNOWN_CHANNEL', { channel: String(channel).slice(0, 60) });
    const spec = CONTRACT[channel];
    const parsed = spec.input.safeParse(input ?? {});
    if (!parsed.success) throw new ReviewDeskError('E_INVALID_INPUT', { reason: describe(parsed.error) });
    // A lone surrogate would be stored, then fail the export's canonical JSON: refuse it here, where it came in.
    const lone = findLoneSurrogate(parsed.data);
    if (lone) throw new ReviewDeskError('E_INVALID_INPUT', { reason: `${lone}: holds a lone UTF-16 surrogate, which is not text` });
    const handler = table[channel] as (i: unknown, c: Ctx) => unknown;
    const value = await handler(parsed.data, ctx);
    const out = spec.output.safeParse(value);
    if (!out.success) throw new ReviewDeskError('E_INTERNAL', { reason: `${channel} returned an invalid result: ${describe(out.error)}` });
    return { ok: true, value: out.data };
  } catch (e) {
    // The error may quote a file (a parser's excerpt): printed as safe lines, never raw to the terminal.
    if (!isReviewDeskError(e))
      console.error(
        `[reviewdesk] ${safeLine(String(channel))} failed: ${safeLines(e instanceof Error ? (e.stack ?? e.message) : String(e))}`,
      );
    return { ok: false, error: toWireError(e) };
  }
}
