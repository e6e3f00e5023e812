import canonicalize from 'canonicalize';
import type { z } from 'zod';
import { ReviewDeskError } from '../../shared/errors.ts';

/** JSON.parse with an E_SCHEMA error naming the file. */
export function parseJson(text: string, file: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch (e) {
    throw new ReviewDeskError('E_SCHEMA', { file, reason: `not JSON (${e instanceof Error ? e.message : String(e)})` });
  }
}

/** The first few schema problems, as one line a person can act on. */
export function describeIssues(error: z.ZodError): string {
  return error.issues
    .slice(0, 3)
    .map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`)
    .join('; ');
}

/** RFC 8785 (JCS) canonical JSON text. */
export function canonicalJson(value: unknown): string {
  const s = canonicalize(value);
  if (s === undefined) throw new ReviewDeskError('E_INTERNAL', { reason: 'value cannot be canonicalised' });
  return s;
}

/** Whether every object's own keys, at any depth, are in UTF-16 code-unit order (RFC 8785 §3.2.3). */
function keysSorted(value: unknown): boolean {
  if (value === null || typeof value !== 'object') return true;
  if (Array.isArray(value)) return value.every(keysSorted);
  const keys = Object.keys(value);
  for (let i = 1; i < keys.length; i++) if (keys[i - 1]! >= keys[i]!) return false;
  return keys.every((k) => keysSorted((value as Record<string, unknown>)[k]));
}

/**
 * Whether `text` is exactly the RFC 8785 form of `value`, the result of
 * `JSON.parse(text)`. V8's native `JSON.stringify` prints the same text as a
 * JCS serialiser (same number and string forms) whenever every object's keys
 * are already sorted and no string holds a lone surrogate (which JCS refuses
 * but `JSON.stringify` escapes as `\udXXX`). So canonical text, the normal
 * case, is confirmed at native speed; anything else goes through the full
 * canonicaliser, which decides (and throws) exactly as before.
 */
export function isCanonicalJson(text: string, value: unknown): boolean {
  if (JSON.stringify(value) === text && !text.includes('\\ud') && keysSorted(value)) return true;
  return canonicalJson(value) === text;
}

/**
 * Parses bytes as JSON against a strict schema. A wrong `schemaVersion` gets
 * its own code so the person knows to update rather than suspect tampering.
 */
export function parseStrict<S extends z.ZodType>(
  bytes: Uint8Array,
  schema: S,
  file: string,
  opts: { maxBytes: number; schemaVersion: number; canonical?: boolean },
): z.infer<S> {
  if (bytes.length > opts.maxBytes) {
    throw new ReviewDeskError('E_ZIP_LIMIT', { what: file, value: bytes.length, limit: opts.maxBytes });
  }
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new ReviewDeskError('E_SCHEMA', { file, reason: 'not UTF-8' });
  }
  const value = parseJson(text, file);
  const version = (value as { schemaVersion?: unknown } | null)?.schemaVersion;
  if (value !== null && typeof value === 'object' && version !== opts.schemaVersion) {
    throw new ReviewDeskError('E_SCHEMA_VERSION', { file, version: String(version), supported: opts.schemaVersion });
  }
  const r = schema.safeParse(value);
  if (!r.success) {
    throw new ReviewDeskError('E_SCHEMA', { file, reason: describeIssues(r.error) });
  }
  if (opts.canonical && !isCanonicalJson(text, value)) throw new ReviewDeskError('E_NOT_CANONICAL', { file });
  return r.data as z.infer<S>;
}
