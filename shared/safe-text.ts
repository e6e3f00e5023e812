/**
 * Text taken from a file (names, excerpts, reasons, file names) on its way to
 * a terminal or a one-line message. Such text can carry terminal escape
 * sequences (`ESC]0;…BEL` retitles a window, CSI moves the cursor), line
 * breaks that forge a second line of output, or bidi overrides that show a
 * name in another order than it is stored. Each of these characters is
 * replaced by its visible `\uXXXX` escape, so nothing is hidden and nothing
 * acts on the terminal.
 */

/**
 * C0 controls (tab and newline included), DEL, C1 controls, the bidi marks,
 * embeddings, overrides and isolates, the line and paragraph separators, the
 * BOM / zero-width no-break space, and lone surrogates (a pair is kept).
 */
const UNSAFE =
  // eslint-disable-next-line no-control-regex -- control characters are exactly what this finds
  /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069\ufeff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

const escape = (c: string): string => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`;

/** `text` with every unsafe character replaced by its visible `\uXXXX` escape: one line, nothing a terminal acts on. */
export function safeLine(text: string): string {
  return text.replace(UNSAFE, escape);
}

/** As {@link safeLine}, but keeps line breaks (`\n`): for multi-line output such as a stack trace. */
export function safeLines(text: string): string {
  return text.split('\n').map(safeLine).join('\n');
}

/** Whether `text` holds nothing {@link safeLine} would replace. */
export function isSafeLine(text: string): boolean {
  UNSAFE.lastIndex = 0;
  const found = UNSAFE.test(text);
  UNSAFE.lastIndex = 0;
  return !found;
}

/**
 * JSON text (as JSON.stringify writes it) with the characters that it leaves
 * raw but a terminal may act on (DEL, C1 controls, bidi controls, U+2028/2029)
 * written as `\uXXXX` escapes: the same JSON value, safe to print.
 */
export function safeJsonText(json: string): string {
  return json.replace(/[\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069\ufeff]/g, escape);
}

const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/**
 * Where in a parsed JSON value a string holds a lone UTF-16 surrogate (valid
 * JSON as `\ud800`, but not text: it has no UTF-8 or RFC 8785 form), as a
 * path such as `applications.0.opinion`; null when there is none. Keys count.
 */
export function findLoneSurrogate(value: unknown, path = '', depth = 0): string | null {
  if (typeof value === 'string') return LONE_SURROGATE.test(value) ? path || '(root)' : null;
  if (value === null || typeof value !== 'object' || depth > 200 || value instanceof Uint8Array) return null;
  for (const [k, v] of Object.entries(value)) {
    const at = path ? `${path}.${k}` : k;
    if (LONE_SURROGATE.test(k)) return at;
    const found = findLoneSurrogate(v, at, depth + 1);
    if (found) return found;
  }
  return null;
}
