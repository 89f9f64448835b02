/**
 * DOCX → source paragraphs for the recogniser (src/core/import/recognize.ts).
 *
 * Reads the parts a Word document keeps its text in — word/document.xml, styles.xml,
 * numbering.xml, footnotes.xml, endnotes.xml — with fflate (unzip) and @xmldom/xmldom (XML).
 * Mammoth was the other candidate; it turns Word's automatic numbering into "ordered list, level
 * n" and loses the number format (a) / (i) / I. / A.) that tells a subparagraph from a chapter,
 * so numbering.xml is read here directly, and every automatic number is computed as Word shows it.
 *
 * Kept: paragraphs and line breaks, bold / italic / superscript (direct, character-style and
 * paragraph-style), footnotes and endnotes, tables (merged cells padded), hyperlinks, tracked
 * insertions, content controls, field results, text boxes. Left out, and reported: images and
 * tracked deletions. A damaged archive is read as far as it goes and says what is missing.
 * Tracked changes are also listed, per paragraph, with their author and date (`tracked`), so that
 * a returned version's comparison can say whose they were.
 */
import { DOMParser, onErrorStopParsing, type Document as XmlDocument, type Element as XmlElement, type Node as XmlNode } from '@xmldom/xmldom';
import type { Mark } from '../../core/model/schema';
import type { TrackedChange, TrackedParagraph } from '../../core/compare/types';
import type { NumberFormat, SourceBlock, SourceParagraph, SourceRun, SourceTextRun } from '../../core/import/source';
import { mergeRuns, paragraphText, runsText } from '../../core/import/source';
import { toLetter, toRoman } from '../../core/numbering/numerals';
import { ImportError, MAX_DOCX_BYTES, MAX_XML_DEPTH, MAX_XML_ELEMENTS, megabytes } from './errors';
import { readArchive } from './zip';

const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';

type El = XmlElement;

export type DocxRead = { blocks: SourceBlock[]; warnings: string[]; tracked: TrackedParagraph[] };

// ---------------------------------------------------------------------------------------------
// Archive

const WANTED = ['word/document.xml', 'word/styles.xml', 'word/numbering.xml', 'word/footnotes.xml', 'word/endnotes.xml', '[Content_Types].xml', '_rels/.rels', 'word/_rels/document.xml.rels'];

function isZip(bytes: Uint8Array): boolean {
  return bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && (bytes[2] === 3 || bytes[2] === 5) && (bytes[3] === 4 || bytes[3] === 6);
}

function describeNonZip(bytes: Uint8Array, name: string): string {
  if (bytes[0] === 0xd0 && bytes[1] === 0xcf && bytes[2] === 0x11 && bytes[3] === 0xe0) {
    return `${name} is a Word 97–2003 (.doc) or other older Office file, not a .docx. Open it in Word and save it as .docx, then import that.`;
  }
  if (bytes[0] === 0x25 && bytes[1] === 0x50 && bytes[2] === 0x44 && bytes[3] === 0x46) {
    return `${name} is a PDF, not a .docx. Extract its text (for example with "pdftotext") and import the .txt file.`;
  }
  if (bytes[0] === 0x7b && bytes[1] === 0x5c && bytes[2] === 0x72 && bytes[3] === 0x74) return `${name} is an RTF file, not a .docx. Save it as .docx in Word.`;
  return `${name} is not a .docx file (a .docx is a zip archive; this file is not one). It may be damaged or have the wrong extension.`;
}

function unzip(bytes: Uint8Array, name: string, warnings: string[]): Map<string, Uint8Array> {
  if (bytes.length === 0) throw new ImportError('empty', `${name} is empty: there is nothing to import.`);
  if (!isZip(bytes)) throw new ImportError('not-docx', describeNonZip(bytes, name));
  if (bytes.length > MAX_DOCX_BYTES) {
    throw new ImportError('too-large', `${name} is too large to import (${megabytes(bytes.length)}; the limit is ${megabytes(MAX_DOCX_BYTES)}).`);
  }
  const archive = readArchive(bytes, name, WANTED);
  const files = archive.files;
  warnings.push(...archive.warnings);
  if (archive.repaired) {
    if (!files.has('word/document.xml')) {
      throw new ImportError('damaged-docx', `${name} is a damaged .docx: the archive is cut short or corrupt, and the document text (word/document.xml) cannot be read.`);
    }
    const missing = ['word/styles.xml', 'word/numbering.xml', 'word/footnotes.xml'].filter((f) => !files.has(f));
    warnings.push(
      `${name} is a damaged .docx (the archive is cut short or corrupt): the text was read${missing.length > 0 ? `, but not ${missing.join(', ')} (styles, automatic numbers or footnotes may be missing)` : ''}. Check the result against the original.`,
    );
  }
  if (!files.has('word/document.xml')) {
    const types = files.get('[Content_Types].xml');
    const t = types ? new TextDecoder().decode(types) : '';
    if (/spreadsheetml/.test(t)) throw new ImportError('not-docx', `${name} is an Excel workbook, not a Word document.`);
    if (/presentationml/.test(t)) throw new ImportError('not-docx', `${name} is a PowerPoint presentation, not a Word document.`);
    throw new ImportError('not-docx', `${name} is a zip archive but not a Word document (it has no word/document.xml).`);
  }
  return files;
}

/** Depth of the deepest element (iterative: the input chooses the depth), stopping past `limit`. */
function deeperThan(root: XmlNode, limit: number): boolean {
  const stack: [XmlNode, number][] = [[root, 1]];
  while (stack.length > 0) {
    const [node, depth] = stack.pop()!;
    if (depth > limit) return true;
    for (let c = node.firstChild; c; c = c.nextSibling) if (c.nodeType === 1) stack.push([c, depth + 1]);
  }
  return false;
}

function parseXml(bytes: Uint8Array | undefined, part: string, name: string, required: boolean, warnings: string[]): XmlDocument | undefined {
  if (!bytes) return undefined;
  // The DOM costs about 2 KB per element: count the tags before building it, so memory stays bounded.
  let tags = 0;
  for (let i = bytes.indexOf(0x3c); i !== -1; i = bytes.indexOf(0x3c, i + 1)) {
    if (++tags > MAX_XML_ELEMENTS) {
      throw new ImportError('too-large', `${name}: ${part} holds more than ${MAX_XML_ELEMENTS.toLocaleString('en')} XML elements (about ${(MAX_XML_ELEMENTS / 4).toLocaleString('en')} paragraphs); the limit is ${MAX_XML_ELEMENTS.toLocaleString('en')}. Split the document and import each part.`);
    }
  }
  let doc: XmlDocument | undefined;
  try {
    doc = new DOMParser({ onError: onErrorStopParsing }).parseFromString(new TextDecoder('utf-8').decode(bytes), 'text/xml');
  } catch (e) {
    if (e instanceof RangeError) throw new ImportError('too-large', `${name}: ${part} nests its elements too deeply to be read; the limit is ${MAX_XML_DEPTH} levels.`);
    // The parser's own message ("unclosed xml tag(s)", "NamespaceError: …") tells a drafting officer nothing.
    if (required) throw new ImportError('damaged-docx', `${name} is a damaged .docx: ${part} (the document text) is not well-formed XML, so it cannot be read.`);
    warnings.push(`${name}: ${part} is not well-formed XML and could not be read; what it holds (${PART_ROLE[part] ?? 'part of the document'}) is left out.`);
    return undefined;
  }
  if (doc.documentElement && deeperThan(doc.documentElement, MAX_XML_DEPTH)) {
    throw new ImportError('too-large', `${name}: ${part} nests elements more than ${MAX_XML_DEPTH} deep (tables in tables, links in links, boxes in boxes …); the limit is ${MAX_XML_DEPTH}.`);
  }
  return doc;
}

const PART_ROLE: Record<string, string> = {
  'word/styles.xml': 'the styles',
  'word/numbering.xml': 'the automatic numbers',
  'word/footnotes.xml': 'the footnotes',
  'word/endnotes.xml': 'the endnotes',
};

// ---------------------------------------------------------------------------------------------
// XML helpers

function kids(el: XmlNode | null | undefined, local?: string): El[] {
  const out: El[] = [];
  if (!el) return out;
  for (let c = el.firstChild; c; c = c.nextSibling) {
    if (c.nodeType === 1 && (local === undefined || (c as El).localName === local)) out.push(c as El);
  }
  return out;
}

function kid(el: El | undefined, local: string): El | undefined {
  return el ? kids(el, local)[0] : undefined;
}

function attr(el: El | undefined, local: string): string | undefined {
  if (!el) return undefined;
  const v = el.getAttributeNS(W, local);
  if (v !== null && v !== '') return v;
  const p = el.getAttribute(`w:${local}`);
  return p === null || p === '' ? undefined : p;
}

/** <w:b/>, <w:b w:val="true"/> → true; <w:b w:val="0"/> → false; absent → undefined. */
function toggle(el: El | undefined): boolean | undefined {
  if (!el) return undefined;
  const v = attr(el, 'val');
  return v === undefined || !/^(?:0|false|off|none)$/i.test(v);
}

// ---------------------------------------------------------------------------------------------
// Styles and numbering

type RunProps = { bold?: boolean; italic?: boolean; superscript?: boolean };
type Style = { name: string; basedOn?: string; numId?: string; ilvl?: number; outline?: number; run: RunProps };
type Level = { start: number; format: NumberFormat; text: string; raw: string };

function runProps(rPr: El | undefined): RunProps {
  const out: RunProps = {};
  if (!rPr) return out;
  const b = toggle(kid(rPr, 'b'));
  const i = toggle(kid(rPr, 'i'));
  if (b !== undefined) out.bold = b;
  if (i !== undefined) out.italic = i;
  const va = attr(kid(rPr, 'vertAlign'), 'val');
  if (va !== undefined) out.superscript = va === 'superscript';
  return out;
}

class Styles {
  private map = new Map<string, Style>();
  defaultParagraph: string | undefined;
  constructor(doc: XmlDocument | undefined) {
    if (!doc) return;
    for (const s of kids(doc.documentElement, 'style')) {
      const id = attr(s, 'styleId');
      if (!id) continue;
      const pPr = kid(s, 'pPr');
      const numPr = kid(pPr, 'numPr');
      const style: Style = { name: attr(kid(s, 'name'), 'val') ?? id, run: runProps(kid(s, 'rPr')) };
      const basedOn = attr(kid(s, 'basedOn'), 'val');
      if (basedOn) style.basedOn = basedOn;
      const numId = attr(kid(numPr, 'numId'), 'val');
      if (numId) style.numId = numId;
      const ilvl = attr(kid(numPr, 'ilvl'), 'val');
      if (ilvl) style.ilvl = Number(ilvl);
      const outline = attr(kid(pPr, 'outlineLvl'), 'val');
      if (outline !== undefined) style.outline = Number(outline);
      this.map.set(id, style);
      if (attr(s, 'type') === 'paragraph' && /^(?:1|true|on)$/.test(attr(s, 'default') ?? '')) this.defaultParagraph = id;
    }
  }
  /** Style chain, own style first. */
  chain(id: string | undefined): Style[] {
    const out: Style[] = [];
    let cur = id;
    for (let guard = 0; cur && guard < 20; guard++) {
      const s = this.map.get(cur);
      if (!s) break;
      out.push(s);
      cur = s.basedOn;
    }
    return out;
  }
  run(id: string | undefined): RunProps {
    const out: RunProps = {};
    for (const s of this.chain(id).reverse()) Object.assign(out, s.run);
    return out;
  }
}

const FORMATS: Record<string, NumberFormat> = {
  decimal: 'decimal',
  decimalZero: 'decimal',
  lowerLetter: 'lowerLetter',
  upperLetter: 'upperLetter',
  lowerRoman: 'lowerRoman',
  upperRoman: 'upperRoman',
  bullet: 'bullet',
};

class Numbering {
  private abstracts = new Map<string, Map<number, Level>>();
  private nums = new Map<string, { abstract: string; starts: Map<number, number> }>();
  private counters = new Map<string, number[]>();
  private lastNum = new Map<string, string>();

  constructor(doc: XmlDocument | undefined) {
    if (!doc) return;
    for (const a of kids(doc.documentElement, 'abstractNum')) {
      const levels = new Map<number, Level>();
      for (const l of kids(a, 'lvl')) {
        const fmt = attr(kid(l, 'numFmt'), 'val') ?? 'decimal';
        levels.set(Number(attr(l, 'ilvl') ?? 0), {
          start: Number(attr(kid(l, 'start'), 'val') ?? 1),
          format: FORMATS[fmt] ?? 'other',
          raw: fmt,
          text: attr(kid(l, 'lvlText'), 'val') ?? '',
        });
      }
      this.abstracts.set(attr(a, 'abstractNumId') ?? '', levels);
    }
    for (const n of kids(doc.documentElement, 'num')) {
      const starts = new Map<number, number>();
      for (const o of kids(n, 'lvlOverride')) {
        const s = attr(kid(o, 'startOverride'), 'val');
        if (s !== undefined) starts.set(Number(attr(o, 'ilvl') ?? 0), Number(s));
      }
      this.nums.set(attr(n, 'numId') ?? '', { abstract: attr(kid(n, 'abstractNumId'), 'val') ?? '', starts });
    }
  }

  /** The label Word prints for the next paragraph of list `numId` at `ilvl` (counters advance). */
  next(numId: string, ilvl: number): { label: string; format: NumberFormat; level: number } | undefined {
    const num = this.nums.get(numId);
    if (!num) return undefined;
    const levels = this.abstracts.get(num.abstract);
    const level = levels?.get(ilvl);
    if (!levels || !level) return undefined;
    // Lists sharing an abstract definition continue each other, unless a list restarts a level.
    const key = num.abstract;
    let counters = this.counters.get(key);
    if (!counters) {
      counters = Array.from({ length: 9 }, (_, i) => (levels.get(i)?.start ?? 1) - 1);
      this.counters.set(key, counters);
    }
    if (this.lastNum.get(key) !== numId) {
      for (const [l, s] of num.starts) counters[l] = s - 1;
      this.lastNum.set(key, numId);
    }
    counters[ilvl] = (counters[ilvl] ?? 0) + 1;
    for (let d = ilvl + 1; d < 9; d++) counters[d] = (levels.get(d)?.start ?? 1) - 1;
    const label = level.text.replace(/%(\d)/g, (_, k: string) => {
      const l = Number(k) - 1;
      const fmt = levels.get(l)?.format ?? 'decimal';
      return formatCounter(counters[l] ?? 0, fmt);
    });
    return { label: level.format === 'bullet' ? '•' : label, format: level.format, level: ilvl };
  }
}

/** Word's largest list start; past it (only a hostile file gets there) numbers are written in digits. */
const MAX_WORD_COUNTER = 32_767;

function formatCounter(n: number, format: NumberFormat): string {
  if (n < 1 || n > MAX_WORD_COUNTER) return String(n);
  switch (format) {
    case 'lowerLetter':
      return toLetter(n);
    case 'upperLetter':
      return toLetter(n).toUpperCase();
    case 'lowerRoman':
      return toRoman(n).toLowerCase();
    case 'upperRoman':
      return toRoman(n);
    default:
      return String(n);
  }
}

// ---------------------------------------------------------------------------------------------
// Paragraphs

type Ctx = {
  styles: Styles;
  numbering: Numbering;
  notes: Map<string, SourceTextRun[]>;
  images: number;
  deletions: number;
  textBoxes: SourceParagraph[];
  /** Tracked changes of the paragraph being read, and of those read so far. */
  changes: TrackedChange[];
  tracked: TrackedParagraph[];
};

function trackedChange(el: El, kind: TrackedChange['kind'], text: string): TrackedChange {
  const change: TrackedChange = { kind, text };
  const author = attr(el, 'author');
  const date = attr(el, 'date');
  if (author) change.author = author;
  if (date) change.date = date;
  return change;
}

function marksOf(p: RunProps): Mark[] | undefined {
  const m: Mark[] = [];
  if (p.bold) m.push('bold');
  if (p.italic) m.push('italic');
  if (p.superscript) m.push('superscript');
  return m.length > 0 ? m : undefined;
}

function readRuns(container: El, ctx: Ctx, base: RunProps, field: { state: 'none' | 'instr' | 'result' }, out: SourceRun[]): void {
  for (const el of kids(container)) {
    switch (el.localName) {
      case 'r': {
        const rPr = kid(el, 'rPr');
        const props: RunProps = { ...base, ...ctx.styles.run(attr(kid(rPr, 'rStyle'), 'val')), ...runProps(rPr) };
        const marks = marksOf(props);
        const push = (text: string) => out.push(marks ? { type: 'text', text, marks } : { type: 'text', text });
        for (const c of kids(el)) {
          switch (c.localName) {
            case 'fldChar': {
              const t = attr(c, 'fldCharType');
              field.state = t === 'begin' ? 'instr' : t === 'separate' ? 'result' : 'none';
              break;
            }
            case 't':
              if (field.state !== 'instr') push(c.textContent ?? '');
              break;
            case 'tab':
            case 'ptab':
              if (field.state !== 'instr') push('\t');
              break;
            case 'br':
            case 'cr':
              if (field.state !== 'instr') push('\n');
              break;
            case 'noBreakHyphen':
              push('-');
              break;
            case 'sym': {
              const ch = attr(c, 'char');
              if (ch && /^[0-9a-f]{1,4}$/i.test(ch)) push(String.fromCharCode(parseInt(ch, 16)));
              break;
            }
            case 'footnoteReference':
            case 'endnoteReference': {
              const id = attr(c, 'id') ?? '';
              const note = ctx.notes.get(`${c.localName === 'footnoteReference' ? 'f' : 'e'}${id}`);
              if (note) out.push({ type: 'footnote', content: note });
              break;
            }
            case 'delText':
              ctx.deletions++;
              break;
            case 'drawing':
            case 'pict':
            case 'object': {
              const boxes = (c).getElementsByTagNameNS(W, 'txbxContent');
              if (boxes.length > 0) for (let k = 0; k < boxes.length; k++) for (const p of kids(boxes[k], 'p')) ctx.textBoxes.push(readParagraph(p, ctx));
              else ctx.images++;
              break;
            }
            default:
              break;
          }
        }
        break;
      }
      case 'ins':
      case 'moveTo': {
        const from = out.length;
        readRuns(el, ctx, base, field, out);
        const text = runsText(out.slice(from));
        if (text !== '') ctx.changes.push(trackedChange(el, 'insert', text));
        break;
      }
      case 'hyperlink':
      case 'smartTag':
      case 'customXml':
      case 'fldSimple':
      case 'dir':
      case 'bdo':
        readRuns(el, ctx, base, field, out);
        break;
      case 'sdt':
        readRuns(kid(el, 'sdtContent') ?? el, ctx, base, field, out);
        break;
      case 'del':
      case 'moveFrom': {
        ctx.deletions++;
        let text = '';
        for (const tag of ['delText', 't']) {
          const found = el.getElementsByTagNameNS(W, tag);
          for (let k = 0; k < found.length; k++) text += found[k]!.textContent ?? '';
        }
        if (text !== '') ctx.changes.push(trackedChange(el, 'delete', text));
        break;
      }
      default:
        break;
    }
  }
}

function readParagraph(p: El, ctx: Ctx): SourceParagraph {
  const outer = ctx.changes;
  ctx.changes = [];
  const para = readParagraphRuns(p, ctx);
  if (ctx.changes.length > 0) ctx.tracked.push({ text: paragraphText(para), changes: ctx.changes });
  ctx.changes = outer;
  return para;
}

function readParagraphRuns(p: El, ctx: Ctx): SourceParagraph {
  const pPr = kid(p, 'pPr');
  const styleId = attr(kid(pPr, 'pStyle'), 'val') ?? ctx.styles.defaultParagraph;
  const chain = ctx.styles.chain(styleId);
  const base = ctx.styles.run(styleId);
  const runs: SourceRun[] = [];
  readRuns(p, ctx, base, { state: 'none' }, runs);

  const para: SourceParagraph = { type: 'para', lines: [], join: 'break' };
  // lines at explicit breaks
  let line: SourceRun[] = [];
  const flush = () => {
    para.lines.push({ runs: mergeRuns(line), indent: 0 });
    line = [];
  };
  for (const r of runs) {
    if (r.type === 'text' && r.text.includes('\n')) {
      r.text.split('\n').forEach((part, i) => {
        if (i > 0) flush();
        if (part !== '') line.push({ ...r, text: part });
      });
    } else line.push(r);
  }
  flush();
  para.lines = para.lines.filter((l, i, all) => l.runs.length > 0 || (i > 0 && i < all.length - 1));
  if (para.lines.length === 0) para.lines = [{ runs: [], indent: 0 }];

  const styleName = chain[0]?.name;
  if (styleName) para.style = styleName;
  const headingStyle = chain.map((s) => /^(?:heading|titre)\s*(\d)$/i.exec(s.name)).find((m) => m);
  const outline = attr(kid(pPr, 'outlineLvl'), 'val') ?? chain.find((s) => s.outline !== undefined)?.outline?.toString();
  if (headingStyle) para.heading = Number(headingStyle[1]);
  else if (chain.some((s) => /^(?:title|titre)$/i.test(s.name))) para.heading = 1;
  else if (outline !== undefined && Number(outline) < 9) para.heading = Number(outline) + 1;
  const jc = attr(kid(pPr, 'jc'), 'val');
  if (jc === 'center') para.align = 'center';
  else if (jc === 'right' || jc === 'end') para.align = 'right';
  else if (jc === 'both' || jc === 'distribute') para.align = 'justify';

  const numPr = kid(pPr, 'numPr');
  const numId = attr(kid(numPr, 'numId'), 'val') ?? chain.find((s) => s.numId)?.numId;
  const ilvl = Number(attr(kid(numPr, 'ilvl'), 'val') ?? chain.find((s) => s.ilvl !== undefined)?.ilvl ?? 0);
  if (numId && numId !== '0') {
    const n = ctx.numbering.next(numId, ilvl);
    if (n) para.numbering = n;
  }
  return para;
}

function readTable(tbl: El, ctx: Ctx, out: SourceBlock[]): void {
  const rows: SourceParagraph[][][] = [];
  let headerRows = 0;
  let inHeader = true;
  for (const tr of kids(tbl, 'tr')) {
    const trPr = kid(tr, 'trPr');
    const isHeader = toggle(kid(trPr, 'tblHeader')) === true;
    if (inHeader && isHeader) headerRows++;
    else inHeader = false;
    const cells: SourceParagraph[][] = [];
    for (const tc of kids(tr).flatMap((c) => (c.localName === 'sdt' ? kids(kid(c, 'sdtContent'), 'tc') : c.localName === 'tc' ? [c] : []))) {
      const tcPr = kid(tc, 'tcPr');
      const vMerge = kid(tcPr, 'vMerge');
      const continues = vMerge !== undefined && attr(vMerge, 'val') !== 'restart';
      const paras: SourceParagraph[] = [];
      const walk = (container: El) => {
        for (const c of kids(container)) {
          if (c.localName === 'p') paras.push(readParagraph(c, ctx));
          else if (c.localName === 'tbl') for (const row of kids(c, 'tr')) for (const cell of kids(row, 'tc')) walk(cell);
          else if (c.localName === 'sdt') walk(kid(c, 'sdtContent') ?? c);
        }
      };
      walk(tc);
      cells.push(continues && paras.every((p) => p.lines.every((l) => l.runs.length === 0)) ? [] : paras);
      const span = Number(attr(kid(tcPr, 'gridSpan'), 'val') ?? 1);
      for (let s = 1; s < span; s++) cells.push([]);
    }
    rows.push(cells);
  }
  out.push({ type: 'table', rows, headerRows: headerRows > 0 ? headerRows : rows.length > 1 && firstRowLooksLikeHeads(rows[0]!) ? 1 : 0 });
}

function firstRowLooksLikeHeads(cells: SourceParagraph[][]): boolean {
  return cells.every((paras) =>
    paras.every((p) => p.lines.every((l) => l.runs.every((r) => r.type !== 'text' || r.text.trim() === '' || (r.marks ?? []).some((m) => m === 'bold' || m === 'italic')))),
  );
}

function readNotes(doc: XmlDocument | undefined, prefix: 'f' | 'e', ctx: Ctx): void {
  if (!doc) return;
  for (const note of kids(doc.documentElement)) {
    if (note.localName !== 'footnote' && note.localName !== 'endnote') continue;
    const type = attr(note, 'type');
    if (type === 'separator' || type === 'continuationSeparator' || type === 'continuationNotice') continue;
    const runs: SourceTextRun[] = [];
    kids(note, 'p').forEach((p, i) => {
      const para = readParagraph(p, ctx);
      if (i > 0) runs.push({ type: 'text', text: ' ' });
      for (const l of para.lines) for (const r of l.runs) if (r.type === 'text') runs.push(r);
    });
    // The note's own number mark (a footnoteRef run) has no text; leading tabs/spaces go.
    if (runs[0]) runs[0] = { ...runs[0], text: runs[0].text.replace(/^\s+/, '') };
    ctx.notes.set(`${prefix}${attr(note, 'id') ?? ''}`, runs.filter((r) => r.text !== ''));
  }
}

/** Reads a .docx into source paragraphs and tables, in document order. */
export function readDocx(bytes: Uint8Array, name = 'the file'): DocxRead {
  const warnings: string[] = [];
  const files = unzip(bytes, name, warnings);
  const document = parseXml(files.get('word/document.xml'), 'word/document.xml', name, true, warnings)!;
  const ctx: Ctx = {
    styles: new Styles(parseXml(files.get('word/styles.xml'), 'word/styles.xml', name, false, warnings)),
    numbering: new Numbering(parseXml(files.get('word/numbering.xml'), 'word/numbering.xml', name, false, warnings)),
    notes: new Map(),
    images: 0,
    deletions: 0,
    textBoxes: [],
    changes: [],
    tracked: [],
  };
  readNotes(parseXml(files.get('word/footnotes.xml'), 'word/footnotes.xml', name, false, warnings), 'f', ctx);
  readNotes(parseXml(files.get('word/endnotes.xml'), 'word/endnotes.xml', name, false, warnings), 'e', ctx);

  const body = kids(document.documentElement, 'body')[0];
  if (!body) throw new ImportError('damaged-docx', `${name} is a damaged .docx: word/document.xml has no body.`);
  const blocks: SourceBlock[] = [];
  const walk = (container: El) => {
    for (const el of kids(container)) {
      if (el.localName === 'p') {
        blocks.push(readParagraph(el, ctx));
        if (ctx.textBoxes.length > 0) {
          blocks.push(...ctx.textBoxes);
          warnings.push(`${ctx.textBoxes.length} paragraph(s) from text boxes imported as ordinary paragraphs.`);
          ctx.textBoxes = [];
        }
      } else if (el.localName === 'tbl') readTable(el, ctx, blocks);
      else if (el.localName === 'sdt') walk(kid(el, 'sdtContent') ?? el);
      else if (el.localName === 'customXml') walk(el);
      else if (el.localName === 'altChunk') warnings.push('an embedded document (altChunk) could not be imported.');
    }
  };
  walk(body);
  if (ctx.images > 0) warnings.push(`${ctx.images} image(s) or drawing(s) not imported (add images in Rapporteur).`);
  if (ctx.deletions > 0) warnings.push(`${ctx.deletions} tracked deletion(s) left out: the text was imported as if the changes were accepted.`);
  return { blocks, warnings, tracked: ctx.tracked };
}
