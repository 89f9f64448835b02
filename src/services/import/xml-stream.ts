/**
 * A streaming reader for the XML parts of a DOCX (issue 16: a DOM of the whole of
 * word/document.xml cost about 65 times the unpacked XML). It walks the text once and keeps only
 * the subtrees its handler asks for — one paragraph or table of the body at a time — in a compact
 * form (`XEl`: local name, namespace, the WordprocessingML attributes, children), so memory is the
 * input plus the largest kept subtree.
 *
 * It is as strict as the DOM parser it replaces (@xmldom/xmldom with onErrorStopParsing): tags
 * must match, one root, no text outside it, attributes not repeated, every prefix declared, no
 * entity beyond the five XML ones and character references (a DOCTYPE may be present, but its
 * entities are never expanded: no "billion laughs", no file read). Line ends are normalised and
 * attribute values whitespace-normalised as XML says. The limits are the importer's: nesting past
 * MAX_XML_DEPTH is refused while reading, never by recursion.
 */
import { ImportError, MAX_XML_DEPTH, MAX_XML_ELEMENTS } from './errors';

export const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';
const XML_NS = 'http://www.w3.org/XML/1998/namespace';

export type XChild = XEl | string;
/** An element: `attrs` holds only the attributes in the WordprocessingML namespace (or written `w:`), by local name. */
export type XEl = { local: string; ns: string | null; attrs: Record<string, string> | undefined; children: XChild[] };

/** Malformed XML (the caller words the message for the user). */
export class XmlSyntaxError extends Error {
  override name = 'XmlSyntaxError';
}

export type XmlHandler = {
  /**
   * Called for each element opened outside a kept subtree, with its open ancestors (root first);
   * true keeps the element with everything inside it, handed to `element` once it closes.
   */
  keep(el: XEl, parents: readonly XEl[]): boolean;
  element(el: XEl, parents: readonly XEl[]): void;
};

type Scope = Map<string, string>;
type Open = { qname: string; el: XEl; scope: Scope };

const NAME = /^[\p{L}_][\p{L}\p{N}_.\-\u00b7]*(?::[\p{L}_][\p{L}\p{N}_.\-\u00b7]*)?$/u;
const ATTRIBUTE = /[ \t\n]*([^\s=/>]+)[ \t\n]*=[ \t\n]*(?:"([^"<]*)"|'([^'<]*)')/y;
const DECLARATION = /^<\?xml[ \t\n]+version[ \t\n]*=[ \t\n]*(["'])1\.[0-9]+\1(?:[ \t\n]+encoding[ \t\n]*=[ \t\n]*(["'])[A-Za-z][\w.-]*\2)?(?:[ \t\n]+standalone[ \t\n]*=[ \t\n]*(["'])(?:yes|no)\3)?[ \t\n]*\?>$/;
const TAG_END = /[ \t\n]*(\/?)>/y;
const PREDEFINED: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

function decodeEntities(s: string): string {
  if (!s.includes('&')) return s;
  // A bare "&" that starts no reference is kept, as the DOM parser kept it.
  return s.replace(/&(#x[0-9a-fA-F]+|#[0-9]+|[\p{L}_][\p{L}\p{N}_.-]*);/gu, (_, ref: string) => {
    if (ref.startsWith('#')) {
      const code = ref[1] === 'x' ? parseInt(ref.slice(2), 16) : parseInt(ref.slice(1), 10);
      if (!(code <= 0x10ffff)) throw new XmlSyntaxError(`character reference &${ref}; is out of range`);
      return String.fromCodePoint(code);
    }
    const known = PREDEFINED[ref];
    if (known === undefined) throw new XmlSyntaxError(`entity not found: &${ref};`);
    return known;
  });
}

/** Counts the tags of a part before reading it, so that a part of millions of tiny elements is refused at once. */
export function checkElementCount(bytes: Uint8Array, part: string, name: string): void {
  let tags = 0;
  for (let i = bytes.indexOf(0x3c); i !== -1; i = bytes.indexOf(0x3c, i + 1)) {
    if (++tags > MAX_XML_ELEMENTS) {
      throw new ImportError(
        'too-large',
        `${name}: ${part} holds more than ${MAX_XML_ELEMENTS.toLocaleString('en')} XML elements (about ${(MAX_XML_ELEMENTS / 4).toLocaleString('en')} paragraphs); the limit is ${MAX_XML_ELEMENTS.toLocaleString('en')}. Split the document and import each part.`,
      );
    }
  }
}

/**
 * Reads `text` (one XML document) through `handler`. Malformed XML throws XmlSyntaxError; nesting
 * deeper than MAX_XML_DEPTH an ImportError naming `part` of file `name`.
 */
export function streamXml(text: string, handler: XmlHandler, part: string, name: string): void {
  const s = text.includes('\r') ? text.replace(/\r\n?/g, '\n') : text;
  const stack: Open[] = [];
  const parents: XEl[] = [];
  /** Index in `stack` of the element whose subtree is kept, or -1. */
  let kept = -1;
  let rootSeen = false;
  let rootClosed = false;
  let pos = 0;
  const root: Scope = new Map([['xml', XML_NS]]);

  const addText = (t: string) => {
    if (t === '') return;
    if (stack.length === 0) {
      if (/[^ \t\n]/.test(t)) throw new XmlSyntaxError(rootSeen ? 'extra content at the end of the document' : 'text before the root element');
      return;
    }
    if (kept !== -1) {
      const children = stack[stack.length - 1]!.el.children;
      const last = children.length - 1;
      if (last >= 0 && typeof children[last] === 'string') children[last] += t;
      else children.push(t);
    }
  };

  while (pos < s.length) {
    const lt = s.indexOf('<', pos);
    if (lt === -1) {
      addText(decodeEntities(s.slice(pos)));
      break;
    }
    if (lt > pos) addText(decodeEntities(s.slice(pos, lt)));
    const next = s.charCodeAt(lt + 1);
    if (next === 0x2f /* / */) {
      const gt = s.indexOf('>', lt);
      if (gt === -1) throw new XmlSyntaxError('unclosed end tag');
      const qname = s.slice(lt + 2, gt).trimEnd();
      const open = stack.pop();
      if (!open || open.qname !== qname) throw new XmlSyntaxError(`end tag </${qname.slice(0, 40)}> does not match`);
      parents.pop();
      if (kept === stack.length) {
        kept = -1;
        handler.element(open.el, parents);
      }
      if (stack.length === 0) rootClosed = true;
      pos = gt + 1;
    } else if (next === 0x3f /* ? */) {
      const end = s.indexOf('?>', lt + 2);
      if (end === -1) throw new XmlSyntaxError('unclosed processing instruction');
      // The XML declaration only first, and only well-formed; other instructions are passed over.
      const target = /^[^\s?]*/.exec(s.slice(lt + 2, Math.min(end, lt + 200)))![0];
      if (!NAME.test(target) || target.includes(':')) throw new XmlSyntaxError('bad processing instruction');
      if (/^xml$/i.test(target) && (lt !== 0 || !DECLARATION.test(s.slice(0, end + 2)))) throw new XmlSyntaxError('the XML declaration is not well-formed');
      pos = end + 2;
    } else if (next === 0x21 /* ! */) {
      if (s.startsWith('<!--', lt)) {
        const end = s.indexOf('-->', lt + 4);
        if (end === -1) throw new XmlSyntaxError('unclosed comment');
        pos = end + 3;
      } else if (s.startsWith('<![CDATA[', lt)) {
        const end = s.indexOf(']]>', lt + 9);
        if (end === -1) throw new XmlSyntaxError('unclosed CDATA section');
        if (stack.length === 0) throw new XmlSyntaxError('CDATA outside the root element');
        addText(s.slice(lt + 9, end));
        pos = end + 3;
      } else if (s.startsWith('<!DOCTYPE', lt) && !rootSeen) {
        pos = skipDoctype(s, lt + 9);
      } else throw new XmlSyntaxError('unexpected markup declaration');
    } else {
      if (rootClosed) throw new XmlSyntaxError('extra content at the end of the document');
      let at = lt + 1;
      while (at < s.length && !/[\s/>]/.test(s[at]!)) at++;
      const qname = s.slice(lt + 1, at);
      if (!NAME.test(qname)) throw new XmlSyntaxError(`bad tag name "${qname.slice(0, 40)}"`);
      const raw: [string, string][] = [];
      for (;;) {
        TAG_END.lastIndex = at;
        const end = TAG_END.exec(s);
        if (end) {
          at = TAG_END.lastIndex;
          pos = at;
          open(qname, raw, end[1] === '/');
          break;
        }
        ATTRIBUTE.lastIndex = at;
        const m = ATTRIBUTE.exec(s);
        if (!m) throw new XmlSyntaxError(`malformed tag <${qname.slice(0, 40)}>`);
        at = ATTRIBUTE.lastIndex;
        raw.push([m[1]!, decodeEntities(m[2] ?? m[3]!).replace(/[\t\n]/g, ' ')]);
      }
    }
  }
  if (stack.length > 0) throw new XmlSyntaxError('unclosed element(s) at the end of the document');
  if (!rootSeen) throw new XmlSyntaxError('no root element');

  function open(qname: string, raw: [string, string][], selfClosing: boolean): void {
    if (stack.length === 0 && rootSeen) throw new XmlSyntaxError('more than one root element');
    rootSeen = true;
    if (stack.length + 1 > MAX_XML_DEPTH) {
      throw new ImportError('too-large', `${name}: ${part} nests elements more than ${MAX_XML_DEPTH} deep (tables in tables, links in links, boxes in boxes …); the limit is ${MAX_XML_DEPTH}.`);
    }
    let scope = stack.length > 0 ? stack[stack.length - 1]!.scope : root;
    if (raw.length > 1 && new Set(raw.map(([k]) => k)).size !== raw.length) throw new XmlSyntaxError(`attribute repeated in <${qname.slice(0, 40)}>`);
    for (const [k, v] of raw) {
      if (k === 'xmlns' || k.startsWith('xmlns:')) {
        if (scope === (stack.length > 0 ? stack[stack.length - 1]!.scope : root)) scope = new Map(scope);
        scope.set(k === 'xmlns' ? '' : k.slice(6), v);
      }
    }
    const colon = qname.indexOf(':');
    const prefix = colon === -1 ? '' : qname.slice(0, colon);
    const ns = scope.get(prefix);
    if (prefix !== '' && ns === undefined) throw new XmlSyntaxError(`namespace prefix "${prefix.slice(0, 40)}" is not declared`);
    let attrs: Record<string, string> | undefined;
    for (const [k, v] of raw) {
      const c = k.indexOf(':');
      if (c === -1) continue;
      const p = k.slice(0, c);
      if (p === 'xmlns') continue;
      const uri = scope.get(p);
      if (uri === undefined) throw new XmlSyntaxError(`namespace prefix "${p.slice(0, 40)}" is not declared`);
      if (uri !== W && p !== 'w') continue;
      attrs ??= Object.create(null) as Record<string, string>;
      const local = k.slice(c + 1);
      // A W-namespace attribute wins over one that is only written "w:" (getAttributeNS first).
      if (uri === W || attrs[local] === undefined) attrs[local] = v;
    }
    const el: XEl = { local: colon === -1 ? qname : qname.slice(colon + 1), ns: ns === undefined || ns === '' ? null : ns, attrs, children: [] };
    if (kept !== -1) stack[stack.length - 1]!.el.children.push(el);
    else if (handler.keep(el, parents)) kept = stack.length;
    if (selfClosing) {
      if (kept === stack.length) {
        kept = -1;
        handler.element(el, parents);
      }
      if (stack.length === 0) rootClosed = true;
      return;
    }
    stack.push({ qname, el, scope });
    parents.push(el);
  }
}

/** The position after a DOCTYPE declaration (its internal subset skipped, never interpreted). */
function skipDoctype(s: string, from: number): number {
  let at = from;
  let quote = '';
  let bracket = false;
  for (; at < s.length; at++) {
    const c = s[at]!;
    if (quote) {
      if (c === quote) quote = '';
    } else if (c === '"' || c === "'") quote = c;
    else if (c === '[') bracket = true;
    else if (c === ']') bracket = false;
    else if (c === '>' && !bracket) return at + 1;
  }
  throw new XmlSyntaxError('unclosed DOCTYPE');
}

// ---------------------------------------------------------------------------------------------
// Reading kept subtrees

export function kids(el: XEl | undefined, local?: string): XEl[] {
  const out: XEl[] = [];
  if (!el) return out;
  for (const c of el.children) if (typeof c !== 'string' && (local === undefined || c.local === local)) out.push(c);
  return out;
}

export function kid(el: XEl | undefined, local: string): XEl | undefined {
  if (!el) return undefined;
  for (const c of el.children) if (typeof c !== 'string' && c.local === local) return c;
  return undefined;
}

/** A WordprocessingML attribute; an empty value counts as absent. */
export function attr(el: XEl | undefined, local: string): string | undefined {
  const v = el?.attrs?.[local];
  return v === undefined || v === '' ? undefined : v;
}

/** All the text inside an element, in order. */
export function textOf(el: XEl): string {
  let out = '';
  const stack: XChild[] = [el];
  while (stack.length > 0) {
    const c = stack.pop()!;
    if (typeof c === 'string') out += c;
    else for (let i = c.children.length - 1; i >= 0; i--) stack.push(c.children[i]!);
  }
  return out;
}

/** The WordprocessingML elements named `local` inside `el`, in document order (as getElementsByTagNameNS). */
export function descendants(el: XEl, local: string): XEl[] {
  const out: XEl[] = [];
  const stack: XEl[] = [...kids(el)].reverse();
  while (stack.length > 0) {
    const c = stack.pop()!;
    if (c.local === local && c.ns === W) out.push(c);
    const inner = kids(c);
    for (let i = inner.length - 1; i >= 0; i--) stack.push(inner[i]!);
  }
  return out;
}

/** <w:b/>, <w:b w:val="true"/> → true; <w:b w:val="0"/> → false; absent → undefined. */
export function toggle(el: XEl | undefined): boolean | undefined {
  if (!el) return undefined;
  const v = attr(el, 'val');
  return v === undefined || !/^(?:0|false|off|none)$/i.test(v);
}
