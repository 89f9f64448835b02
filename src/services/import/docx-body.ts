/**
 * The paragraphs, tables and notes of a .docx, one element at a time (xml-stream.ts hands over
 * each block of the body, each footnote or endnote, whole): runs with their marks from direct,
 * character-style and paragraph-style formatting, line breaks, footnote references, tracked
 * insertions (kept) and deletions (counted, listed), hyperlinks, content controls, field results,
 * text boxes (read as paragraphs after their own), tables with merged cells padded, and where
 * each comment is (its paragraph and the words its range covers).
 */
import type { Mark } from '../../core/model/schema';
import type { TrackedChange, TrackedParagraph } from '../../core/compare/types';
import type { SourceBlock, SourceParagraph, SourceRun, SourceTextRun } from '../../core/import/source';
import { mergeRuns, paragraphText, runsText } from '../../core/import/source';
import { runProps, type Numbering, type RunProps, type Styles } from './docx-styles';
import { attr, descendants, kid, kids, textOf, toggle, type XEl } from './xml-stream';

/** What reading the body needs and gathers, passed from block to block. */
export type BodyState = {
  styles: Styles;
  numbering: Numbering;
  notes: Map<string, SourceTextRun[]>;
  images: number;
  deletions: number;
  textBoxes: SourceParagraph[];
  /** Tracked changes of the paragraph being read, and of those read so far. */
  changes: TrackedChange[];
  tracked: TrackedParagraph[];
  /** Comments: where each one's range opened (the runs of its paragraph, and the place in them), the ids of the paragraph being read, and each id's paragraph once read. */
  commentOpen: Map<string, { runs: SourceRun[]; from: number }>;
  commentIds: { id: string; quote?: string }[];
  commentAt: Map<string, { paragraph: string; quote?: string }>;
};

function trackedChange(el: XEl, kind: TrackedChange['kind'], text: string): TrackedChange {
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

function readRun(el: XEl, ctx: BodyState, base: RunProps, field: { state: 'none' | 'instr' | 'result' }, out: SourceRun[]): void {
  const rPr = kid(el, 'rPr');
  const props: RunProps = { ...base, ...ctx.styles.run(attr(kid(rPr, 'rStyle'), 'val')), ...runProps(rPr) };
  const marks = marksOf(props);
  const push = (text: string) => out.push(marks ? { type: 'text', text, marks } : { type: 'text', text });
  for (const c of kids(el)) {
    switch (c.local) {
      case 'fldChar': {
        const t = attr(c, 'fldCharType');
        field.state = t === 'begin' ? 'instr' : t === 'separate' ? 'result' : 'none';
        break;
      }
      case 't':
        if (field.state !== 'instr') push(textOf(c));
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
        const note = ctx.notes.get(`${c.local === 'footnoteReference' ? 'f' : 'e'}${id}`);
        if (note) out.push({ type: 'footnote', content: note });
        break;
      }
      case 'delText':
        ctx.deletions++;
        break;
      case 'commentReference': {
        // a comment without a range is on the paragraph of its mark
        const id = attr(c, 'id') ?? '';
        if (!ctx.commentOpen.has(id) && !ctx.commentIds.some((x) => x.id === id)) ctx.commentIds.push({ id });
        break;
      }
      case 'drawing':
      case 'pict':
      case 'object': {
        const boxes = descendants(c, 'txbxContent');
        if (boxes.length > 0) for (const box of boxes) for (const p of kids(box, 'p')) ctx.textBoxes.push(readParagraph(p, ctx));
        else ctx.images++;
        break;
      }
      default:
        break;
    }
  }
}

function readRuns(container: XEl, ctx: BodyState, base: RunProps, field: { state: 'none' | 'instr' | 'result' }, out: SourceRun[]): void {
  for (const el of kids(container)) {
    switch (el.local) {
      case 'r':
        readRun(el, ctx, base, field, out);
        break;
      case 'ins':
      case 'moveTo': {
        const from = out.length;
        readRuns(el, ctx, base, field, out);
        const text = runsText(out.slice(from));
        if (text !== '') ctx.changes.push(trackedChange(el, el.local === 'ins' ? 'insert' : 'moveTo', text));
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
      case 'commentRangeStart': {
        const id = attr(el, 'id') ?? '';
        ctx.commentOpen.set(id, { runs: out, from: out.length });
        ctx.commentIds.push({ id });
        break;
      }
      case 'commentRangeEnd': {
        // the words it is on, when its range opened in this paragraph
        const id = attr(el, 'id') ?? '';
        const open = ctx.commentOpen.get(id);
        const here = ctx.commentIds.find((x) => x.id === id);
        if (open?.runs === out && here) here.quote = runsText(out.slice(open.from)).trim();
        break;
      }
      case 'del':
      case 'moveFrom': {
        ctx.deletions++;
        let text = '';
        for (const tag of ['delText', 't']) for (const found of descendants(el, tag)) text += textOf(found);
        if (text !== '') ctx.changes.push(trackedChange(el, el.local === 'del' ? 'delete' : 'moveFrom', text));
        break;
      }
      default:
        break;
    }
  }
}

export function readParagraph(p: XEl, ctx: BodyState): SourceParagraph {
  const [outer, outerComments] = [ctx.changes, ctx.commentIds];
  ctx.changes = [];
  ctx.commentIds = [];
  const para = readParagraphRuns(p, ctx);
  if (ctx.changes.length > 0) ctx.tracked.push({ text: paragraphText(para), changes: ctx.changes });
  for (const c of ctx.commentIds) ctx.commentAt.set(c.id, { paragraph: paragraphText(para), ...(c.quote ? { quote: c.quote } : {}) });
  [ctx.changes, ctx.commentIds] = [outer, outerComments];
  return para;
}

function readParagraphRuns(p: XEl, ctx: BodyState): SourceParagraph {
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

export function readTable(tbl: XEl, ctx: BodyState, out: SourceBlock[]): void {
  const rows: SourceParagraph[][][] = [];
  let headerRows = 0;
  let inHeader = true;
  for (const tr of kids(tbl, 'tr')) {
    const trPr = kid(tr, 'trPr');
    const isHeader = toggle(kid(trPr, 'tblHeader')) === true;
    if (inHeader && isHeader) headerRows++;
    else inHeader = false;
    const cells: SourceParagraph[][] = [];
    for (const tc of kids(tr).flatMap((c) => (c.local === 'sdt' ? kids(kid(c, 'sdtContent'), 'tc') : c.local === 'tc' ? [c] : []))) {
      const tcPr = kid(tc, 'tcPr');
      const vMerge = kid(tcPr, 'vMerge');
      const continues = vMerge !== undefined && attr(vMerge, 'val') !== 'restart';
      const paras: SourceParagraph[] = [];
      const walk = (container: XEl) => {
        for (const c of kids(container)) {
          if (c.local === 'p') paras.push(readParagraph(c, ctx));
          else if (c.local === 'tbl') for (const row of kids(c, 'tr')) for (const cell of kids(row, 'tc')) walk(cell);
          else if (c.local === 'sdt') walk(kid(c, 'sdtContent') ?? c);
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

/** One w:footnote or w:endnote into `ctx.notes` (key: prefix + id); separators are passed over. */
export function readNote(note: XEl, prefix: 'f' | 'e', ctx: BodyState): void {
  if (note.local !== 'footnote' && note.local !== 'endnote') return;
  const type = attr(note, 'type');
  if (type === 'separator' || type === 'continuationSeparator' || type === 'continuationNotice') return;
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
