/**
 * JSON encoding of IPC values for hosts that speak HTTP (the loopback development host): the
 * same values Electron's structured clone carries, with byte arrays (exports) written as
 * `{ "$bytes": "<base64>" }`. Nothing else is special: a `$bytes` object that is not exactly
 * that shape stays a plain object (and a channel's schema refuses it).
 */

const BYTES = '$bytes';

/** Bytes as base64 (the wire's form, and a data: URL's). */
export function toBase64(bytes: Uint8Array): string {
  let s = '';
  const chunk = 0x8000;
  for (let i = 0; i < bytes.length; i += chunk) s += String.fromCharCode(...bytes.subarray(i, i + chunk));
  return btoa(s);
}

function fromBase64(text: string): Uint8Array {
  const s = atob(text);
  const out = new Uint8Array(s.length);
  for (let i = 0; i < s.length; i++) out[i] = s.charCodeAt(i);
  return out;
}

/** A JSON-safe copy of `value` (byte arrays as `{ $bytes }`). */
export function toWire(value: unknown): unknown {
  if (value instanceof Uint8Array) return { [BYTES]: toBase64(value) };
  if (Array.isArray(value)) return value.map(toWire);
  if (value !== null && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) if (v !== undefined && k !== '__proto__') out[k] = toWire(v);
    return out;
  }
  return value;
}

/** The value `toWire` encoded (after JSON.parse). */
export function fromWire(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(fromWire);
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value);
    if (entries.length === 1 && entries[0]![0] === BYTES && typeof entries[0]![1] === 'string') {
      try {
        return fromBase64(entries[0]![1]);
      } catch {
        return value;
      }
    }
    const out: Record<string, unknown> = {};
    // "__proto__" (a key JSON.parse can produce) is dropped: assigning it would swap the prototype.
    for (const [k, v] of entries) if (k !== '__proto__') out[k] = fromWire(v);
    return out;
  }
  return value;
}

/** Header carrying the per-run secret of the HTTP host. */
export const HOST_TOKEN_HEADER = 'x-rapporteur-token';
/** Name of the <meta> tag through which the HTTP host gives its page the token. */
export const HOST_TOKEN_META = 'rapporteur-host-token';
/** Path prefix of the HTTP host's API: POST /api/<channel>. */
export const HOST_API_PREFIX = '/api/';

/** The loopback HTTP host's Server-Sent Events stream (src/shared/host-events.ts), with the token as `?token=`. */
export const HOST_EVENTS_PATH = '/events';
