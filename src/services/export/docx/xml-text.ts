/**
 * The XML text of an object from docx's formatter (`{ "w:b": { _attr: { "w:val": false } } }`),
 * written as docx's own unindented writer writes it, quirks included, so that pack.ts can write
 * the body a block at a time with the same bytes. docx does not export its writer.
 */

type Xmlable = Record<string, unknown>;

const ESCAPES = new Map([
  ['&', '&amp;'],
  ['"', '&quot;'],
  ["'", '&apos;'],
  ['<', '&lt;'],
  ['>', '&gt;'],
]);

/** Strings are escaped (and characters XML cannot hold dropped); numbers and booleans are written as they are. */
function escapeValue(value: unknown): string | number | boolean | undefined {
  // eslint-disable-next-line no-control-regex -- the control characters XML 1.0 cannot hold
  return typeof value === 'string' ? value.replace(/[&"'<>\x00-\x08\x0B\x0C\x0E-\x1F]/g, (c) => ESCAPES.get(c) ?? '') : (value as number | boolean | undefined);
}

export function writeXml(data: object): string {
  const out: string[] = [];
  write(data as Xmlable, out);
  return out.join('');
}

function write(data: Xmlable, out: string[]): void {
  const name = Object.keys(data)[0];
  const values = name === undefined ? undefined : data[name];
  const attributes: string[] = [];
  // an element's content: nested elements, text, or undefined (written as nothing)
  const content: (Xmlable | string | number | boolean | undefined)[] = [];
  const addAttributes = (attr: Record<string, unknown>) => {
    for (const [key, value] of Object.entries(attr)) attributes.push(`${key}="${String(escapeValue(value))}"`);
  };
  if (typeof values === 'object') {
    if (values !== null) {
      const { _attr: attr, _cdata: cdata } = values as { _attr?: Record<string, unknown>; _cdata?: string };
      if (attr) addAttributes(attr);
      if (cdata) content.push(`<![CDATA[${cdata.replace(/\]\]>/g, ']]]]><![CDATA[>')}]]>`);
      if (Array.isArray(values)) {
        let isStringContent = false;
        content.push('');
        for (const value of values) {
          if (typeof value === 'object') {
            if (Object.keys(value as object)[0] === '_attr') addAttributes((value as { _attr: Record<string, unknown> })._attr);
            else content.push(value as Xmlable);
          } else {
            // as docx does: text replaces what came just before it
            content.pop();
            isStringContent = true;
            content.push(escapeValue(value));
          }
        }
        if (!isStringContent) content.push('');
      }
    }
  } else content.push(escapeValue(values));
  out.push((name ? `<${name}` : '') + (attributes.length > 0 ? ` ${attributes.join(' ')}` : '') + (content.length > 0 ? (name ? '>' : '') : '/>'));
  if (content.length === 0) return;
  for (const child of content) {
    if (child === undefined) continue;
    if (typeof child === 'object') write(child, out);
    else out.push(String(child));
  }
  if (name) out.push(`</${name}>`);
}
