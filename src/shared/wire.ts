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

/** Key of a value sent already written as wire JSON: `{ "$json": "<the JSON text>" }`. */
export const WIRE_JSON = '$json';

/**
 * `value` already written as JSON (`JSON.stringify(toWire(value))`, by `wireJsonInSlices`): a big
 * value (a document) crosses to the host as one string, which neither host has to copy or
 * encode piece by piece in the renderer; the host reads it back with `readWireJson`, then
 * validates it as it would the value itself.
 */
export type WireJson<T> = { readonly [WIRE_JSON]: string; readonly __of?: T };

/** The longest a slice of work runs before the page may handle input and paint, and how it waits. */
export type Slicing = {
  /** The longest a slice runs (ms). */
  sliceMs: number;
  /** Waits until the next slice may run (a new task). */
  pause: () => Promise<void>;
  /** The clock (ms); default Date.now. */
  now?: () => number;
};

/** Values written between two looks at the clock (reading it for each costs more than the work). */
const STEP = 256;

/** Text `wireJsonSteps` writes as it is (punctuation, keys). */
class Emit {
  constructor(readonly text: string) {}
}
const COMMA = new Emit(',');
const NULL = new Emit('null');
const CLOSE_ARRAY = new Emit(']');
const CLOSE_OBJECT = new Emit('}');

const skipped = (v: unknown) => v === undefined || typeof v === 'function' || typeof v === 'symbol';

/**
 * `JSON.stringify(toWire(value))` written piece by piece: a generator that yields every STEP
 * values, so that its driver can stop when a slice's time is up. An explicit stack, not
 * recursion: a generator per nested value would cost more than the writing. `value` is an object
 * or an array (what crosses the contract).
 */
export function* wireJsonSteps(value: object): Generator<void, string, void> {
  // Written text: small pieces joined into a chunk at each step (one join of them all at the end
  // would be a piece of work as long as the document).
  const chunks: string[] = [];
  const out: string[] = [];
  // What is left to write, last first: a value, or (as an `Emit`) text written as it is.
  const stack: unknown[] = [value];
  let n = 0;
  while (stack.length > 0) {
    const v = stack.pop();
    if (++n % STEP === 0) {
      chunks.push(out.join(''));
      out.length = 0;
      yield;
    }
    if (v instanceof Emit) out.push(v.text);
    else if (v instanceof Uint8Array) out.push(`{${JSON.stringify(BYTES)}:${JSON.stringify(toBase64(v))}}`);
    else if (Array.isArray(v)) {
      out.push('[');
      stack.push(CLOSE_ARRAY);
      for (let i = v.length - 1; i >= 0; i--) {
        const item: unknown = v[i];
        stack.push(skipped(item) ? NULL : item);
        if (i > 0) stack.push(COMMA);
      }
    } else if (v !== null && typeof v === 'object') {
      const entries = Object.entries(v as Record<string, unknown>).filter(([k, x]) => !skipped(x) && k !== '__proto__');
      out.push('{');
      stack.push(CLOSE_OBJECT);
      for (let i = entries.length - 1; i >= 0; i--) {
        const [k, x] = entries[i]!;
        stack.push(x, new Emit(`${i > 0 ? ',' : ''}${JSON.stringify(k)}:`));
      }
    } else out.push(JSON.stringify(v) ?? 'null');
  }
  chunks.push(out.join(''));
  return chunks.join('');
}

/** `value` as wire JSON, written in slices of about `sliceMs`, a pause between them. */
export async function wireJsonInSlices<T extends object>(value: T, slicing: Slicing): Promise<WireJson<T>> {
  // No `performance` here (shared code runs where it may be missing): the renderer passes its clock.
  const now = slicing.now ?? Date.now;
  const steps = wireJsonSteps(value);
  for (;;) {
    const end = now() + slicing.sliceMs;
    let next = steps.next();
    while (!next.done && now() < end) next = steps.next();
    if (next.done) return { [WIRE_JSON]: next.value };
    await slicing.pause();
  }
}

/** `value` as wire JSON in one piece (what a caller with a small value, or no time to slice, sends). */
export function wireJson<T extends object>(value: T): WireJson<T> {
  return { [WIRE_JSON]: JSON.stringify(toWire(value)) };
}

/** Whether `value` is exactly `{ $json: string }`. */
export function isWireJson(value: unknown): value is WireJson<unknown> {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return false;
  const keys = Object.keys(value);
  return keys.length === 1 && keys[0] === WIRE_JSON && typeof (value as Record<string, unknown>)[WIRE_JSON] === 'string';
}

/** The value a `WireJson` carries; throws a SyntaxError when its text is not JSON. */
export function readWireJson(value: WireJson<unknown>): unknown {
  return fromWire(JSON.parse(value[WIRE_JSON]));
}

/** Header carrying the per-run secret of the HTTP host. */
export const HOST_TOKEN_HEADER = 'x-rapporteur-token';
/** Name of the <meta> tag through which the HTTP host gives its page the token. */
export const HOST_TOKEN_META = 'rapporteur-host-token';
/** Path prefix of the HTTP host's API: POST /api/<channel>. */
export const HOST_API_PREFIX = '/api/';

/** The loopback HTTP host's Server-Sent Events stream (src/shared/host-events.ts), with the token as `?token=`. */
export const HOST_EVENTS_PATH = '/events';
