import { isAscii, isUtf8, transcode } from 'node:buffer';
import canonicalize from 'canonicalize';
import type { z } from 'zod';
import { ReviewDeskError } from '../../shared/errors.ts';
import { findLoneSurrogate } from '../../shared/safe-text.ts';
import { isCanonicalJsonText } from './jcs-text.ts';

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

/**
 * RFC 8785 (JCS) canonical JSON text: the engine's JSON.stringify (whose
 * string and number forms JCS adopts verbatim) with every object's keys
 * sorted by UTF-16 code units — ten times faster than the `canonicalize`
 * package on score bundles, with the same output and the same refusals (NaN,
 * Infinity, lone surrogates, cycles). Objects with array-index keys ("1",
 * "10"), which engines order numerically, go to the package instead.
 * test/unit/json.test.ts compares the two.
 */
export function canonicalJson(value: unknown): string {
  // Parsed canonical JSON already has sorted keys: then the plain (fastest) JSON.stringify is the JCS form.
  if (alreadyCanonicalShape(value, 0)) {
    const s = JSON.stringify(value);
    if (ESCAPED_SURROGATE.test(s)) throw new ReviewDeskError('E_INTERNAL', { reason: 'value cannot be canonicalised (lone surrogate)' });
    return s;
  }
  let indexKeys = false;
  let s: string | undefined;
  try {
    s = JSON.stringify(value, function (this: unknown, _key: string, v: unknown): unknown {
      if (typeof v === 'number' && !Number.isFinite(v)) throw new Error('NaN and Infinity are not allowed');
      if (v === null || typeof v !== 'object' || Array.isArray(v)) return v;
      const keys = Object.keys(v);
      let sorted = true;
      for (let i = 0; i < keys.length; i++) {
        if (ARRAY_INDEX.test(keys[i]!)) indexKeys = true;
        if (i > 0 && keys[i - 1]! > keys[i]!) sorted = false;
      }
      if (sorted) return v;
      const o = v as Record<string, unknown>;
      // A null prototype keeps a "__proto__" key an ordinary property.
      const out = Object.create(null) as Record<string, unknown>;
      for (const k of keys.sort()) out[k] = o[k];
      return out;
    });
    if (indexKeys) s = canonicalize(value);
  } catch (e) {
    throw new ReviewDeskError('E_INTERNAL', { reason: `value cannot be canonicalised (${e instanceof Error ? e.message : String(e)})` });
  }
  if (s === undefined) throw new ReviewDeskError('E_INTERNAL', { reason: 'value cannot be canonicalised' });
  // JSON.stringify escapes a lone surrogate as \udXXX (a pair stays raw); JCS refuses them.
  if (ESCAPED_SURROGATE.test(s)) throw new ReviewDeskError('E_INTERNAL', { reason: 'value cannot be canonicalised (lone surrogate)' });
  return s;
}

const ARRAY_INDEX = /^(?:0|[1-9][0-9]{0,9})$/;

/** Plain JSON data (no toJSON, finite numbers, no undefined) whose object keys are already in JCS order. */
function alreadyCanonicalShape(v: unknown, depth: number): boolean {
  if (depth > 200) return false;
  switch (typeof v) {
    case 'string':
    case 'boolean':
      return true;
    case 'number':
      return Number.isFinite(v);
    case 'object':
      break;
    default:
      return false;
  }
  if (v === null) return true;
  if (Array.isArray(v)) {
    for (const x of v) if (!alreadyCanonicalShape(x, depth + 1)) return false;
    return true;
  }
  if (typeof (v as { toJSON?: unknown }).toJSON === 'function') return false;
  const o = v as Record<string, unknown>;
  let prev: string | null = null;
  for (const k in o) {
    if (!Object.hasOwn(o, k)) return false;
    if ((prev !== null && !(prev < k)) || ARRAY_INDEX.test(k)) return false;
    if (!alreadyCanonicalShape(o[k], depth + 1)) return false;
    prev = k;
  }
  return true;
}
/** `\ud800`–`\udfff` preceded by an even number of backslashes. */
const ESCAPED_SURROGATE = /(?:^|[^\\])(?:\\\\)*\\ud[89a-f][0-9a-f]{2}/;

/** The reference implementation (the `canonicalize` package), for tests. */
export function canonicalJsonReference(value: unknown): string | undefined {
  return canonicalize(value);
}

/**
 * Whether `text` is exactly the RFC 8785 form of `value` (its JSON.parse result): a one-pass check, else the
 * full serialiser. `wellFormed`: the text was decoded from valid UTF-8, so it holds no lone surrogate.
 */
export function isCanonicalJson(text: string, value: unknown, wellFormed = false): boolean {
  return isCanonicalJsonText(text, wellFormed) || canonicalJson(value) === text;
}

/** Bytes of UTF-8 decoded per piece by {@link decodeUtf8}: the transcoded copy of one piece is all it holds at once. */
const DECODE_PIECE = 1 << 20;

/**
 * The text of bytes already known to be valid UTF-8, exactly as
 * `toString('utf8')` gives it. ASCII is copied as is; anything else is
 * transcoded to UTF-16 by ICU piece by piece (cut at character boundaries),
 * which on Chinese text is ten times faster than V8's own UTF-8 decoder (in
 * the Node 20 that runs here; 75 µs of a score file's ~500).
 */
export function decodeUtf8(bytes: Buffer, piece = DECODE_PIECE): string {
  if (isAscii(bytes)) return bytes.toString('latin1');
  let text = '';
  for (let at = 0; at < bytes.length;) {
    let end = Math.min(bytes.length, at + piece);
    // Cut at the first byte of a character (continuation bytes are 10xxxxxx): back, or forward past a piece
    // smaller than one character.
    while (end < bytes.length && end > at && (bytes[end]! & 0xc0) === 0x80) end--;
    if (end === at) for (end = at + 1; end < bytes.length && (bytes[end]! & 0xc0) === 0x80;) end++;
    text += transcode(bytes.subarray(at, end), 'utf8', 'utf16le').toString('utf16le');
    at = end;
  }
  return text;
}

/** How a file of an older whole schema version is refused: what to ask for depends on the kind of file. */
export type OlderCode = 'E_SCHEMA_OLD' | 'E_SCHEMA_OLD_SCORES' | 'E_ROUND_OLD';

/**
 * The refusal of a file whose `schemaVersion` is not `supported`: an older whole version says where it comes
 * from and what to ask for (`older`), anything else asks to update ReviewDesk.
 */
export function schemaVersionError(file: string, version: unknown, supported: number, older: OlderCode = 'E_SCHEMA_OLD'): ReviewDeskError {
  if (typeof version === 'number' && Number.isInteger(version) && version >= 1 && version < supported)
    return new ReviewDeskError(older, { file, version: String(version), supported });
  return new ReviewDeskError('E_SCHEMA_VERSION', { file, version: String(version).slice(0, 20), supported });
}

/**
 * Parses bytes as JSON against a strict schema. A wrong `schemaVersion` gets
 * its own code so the person knows to update rather than suspect tampering.
 */
export function parseStrict<S extends z.ZodType>(
  bytes: Uint8Array,
  schema: S,
  file: string,
  opts: {
    maxBytes: number;
    schemaVersion: number;
    canonical?: boolean;
    /** Brings a value of an older schema version that is still read to the current one, before it is checked. */
    upgrade?: (value: unknown) => unknown;
    /** The refusal of a file of an older schema version that is not read (E_SCHEMA_OLD unless told). */
    older?: OlderCode;
  },
): z.infer<S> {
  if (bytes.length > opts.maxBytes) {
    throw new ReviewDeskError('E_ZIP_LIMIT', { what: file, value: bytes.length, limit: opts.maxBytes });
  }
  // isUtf8 (simdutf) then a plain decode is several times faster than a fatal TextDecoder on megabyte bundles.
  if (!isUtf8(bytes)) throw new ReviewDeskError('E_SCHEMA', { file, reason: 'not UTF-8' });
  const raw = decodeUtf8(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
  const text = raw.charCodeAt(0) === 0xfeff ? raw.slice(1) : raw; // as TextDecoder did: a leading BOM is not content
  const parsed = parseJson(text, file);
  // JSON can spell a lone surrogate (`\ud800`), which is no text at all: name where, rather than fail later when it is re-serialised.
  const lone = text.includes('\\u') ? findLoneSurrogate(parsed) : null;
  if (lone) throw new ReviewDeskError('E_SCHEMA', { file, reason: `${lone}: holds a lone UTF-16 surrogate, which is not text` });
  const value = opts.upgrade ? opts.upgrade(parsed) : parsed;
  const version = (value as { schemaVersion?: unknown } | null)?.schemaVersion;
  if (value !== null && typeof value === 'object' && version !== opts.schemaVersion) {
    throw schemaVersionError(file, version, opts.schemaVersion, opts.older);
  }
  const r = schema.safeParse(value);
  if (!r.success) {
    throw new ReviewDeskError('E_SCHEMA', { file, reason: describeIssues(r.error) });
  }
  // The text was decoded from bytes isUtf8 accepted, so it holds no lone surrogate.
  if (opts.canonical && !isCanonicalJson(text, parsed, true)) throw new ReviewDeskError('E_NOT_CANONICAL', { file });
  return r.data as z.infer<S>;
}
