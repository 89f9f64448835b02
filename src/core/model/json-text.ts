/**
 * JSON text → a value, for every reader of document JSON (validate, check, export, db import, the
 * app's import): a UTF-8 byte-order mark is accepted, and a syntax error becomes a sentence that
 * says where, never the JavaScript parser's own message (which can echo megabytes of the input).
 */

export type JsonRead = { ok: true; value: unknown } | { ok: false; message: string };

/** A short excerpt of untrusted input for a message: at most `max` characters, one line. */
export function quoteInput(text: string, max = 40): string {
  // eslint-disable-next-line no-control-regex -- control characters are exactly what is replaced
  const flat = text.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g, ' ');
  return flat.length <= max ? flat : `${flat.slice(0, max)}…`;
}

function where(text: string, message: string): string {
  const lc = /line (\d+) column (\d+)/.exec(message);
  if (lc) return ` (line ${lc[1]}, column ${lc[2]})`;
  const pos = /position (\d+)/.exec(message);
  if (pos) {
    const at = Math.min(Number(pos[1]), text.length);
    const before = text.slice(0, at);
    const line = before.split('\n').length;
    return ` (line ${line}, column ${at - before.lastIndexOf('\n')})`;
  }
  return '';
}

export function parseJsonText(text: string): JsonRead {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  if (body.trim() === '') return { ok: false, message: 'the file is empty (no JSON in it)' };
  try {
    return { ok: true, value: JSON.parse(body) };
  } catch (e) {
    const raw = e instanceof Error ? e.message : '';
    if (/end of JSON input/i.test(raw)) return { ok: false, message: 'not valid JSON: it ends too early (the file may be cut short)' };
    const pos = /position (\d+)/.exec(raw);
    if (pos && Number(pos[1]) >= body.trimEnd().length) return { ok: false, message: 'not valid JSON: it ends too early (the file may be cut short)' };
    const token = /^Unexpected token '(.{1,2})'/u.exec(raw);
    const at = where(body, raw) || (token ? ` (unexpected "${quoteInput(token[1]!)}")` : '');
    return { ok: false, message: `not valid JSON${at}` };
  }
}
