/**
 * JSON wire form for the browser host (Electron's IPC clones Uint8Array
 * natively): byte arrays travel as `{ "$bytes": "<base64>" }`.
 */
import { base64 } from '@scure/base';

export function toWire(value: unknown): string {
  return JSON.stringify(value, (_k, v: unknown) => (v instanceof Uint8Array ? { $bytes: base64.encode(v) } : v));
}

export function fromWire(text: string): unknown {
  return JSON.parse(text, (_k, v: unknown) => {
    if (v && typeof v === 'object' && !Array.isArray(v)) {
      const o = v as Record<string, unknown>;
      const keys = Object.keys(o);
      if (keys.length === 1 && keys[0] === '$bytes' && typeof o.$bytes === 'string') return base64.decode(o.$bytes);
    }
    return v;
  });
}
