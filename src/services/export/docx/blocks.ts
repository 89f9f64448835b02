/**
 * The body: each part of the layout (title, annex heading, blocks) as DOCX paragraphs and tables.
 * Labels, generated text and cross-reference texts all come from the layout; numbers are
 * written as Word numbering where the plan (numbering.ts) says so, typed otherwise.
 */
import {
  AlignmentType,
  ImageRun,
  LineRuleType,
  Paragraph,
  Tab,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TabStopType,
  TextRun,
  WidthType,
  type IParagraphOptions,
  type ParagraphChild,
} from 'docx';
import type { Layout, LayoutBlock, LayoutPart } from '../../../core/render/layout';
import type { ExportOptions, ExportWarning } from '../../../core/render/options';
import type { Span } from '../../../core/render/spans';
import { signatureLineSpans } from '../../../core/render/traverse';
import { MEDIUM, NONE, THIN } from './borders';
import { pt, type Geometry } from './geometry';
import { inlineRuns, type InlineContext, type RunProps } from './inline';
import { imageRun } from './masthead';
import { REF_BULLETS, type BlockNumbering, type NumberingPlan } from './numbering';
import { S } from './styles';
import type { Ghost, Mark, MarkedSpans, Revisions, RowPlan } from './revisions';
import { formatPieces } from './revision-words';
import type { CrossReferences } from './xrefs';

export type BodyContext = {
  layout: Layout;
  g: Geometry;
  options: ExportOptions;
  plan: NumberingPlan;
  xrefs: CrossReferences;
  inline: InlineContext;
  /** What Word could not hold (an image that is not one) is reported here. */
  warnings: ExportWarning[];
  /** The changes from an older version, when the export marks them (revisions.ts). */
  revisions?: Revisions;
};

type Where = { quote: boolean; table: 'head' | 'body' | undefined };
const TOP: Where = { quote: false, table: undefined };

export class BodyWriter {
  readonly out: (Paragraph | Table)[] = [];
  private pendingBreak = false;
  /** Set while an old block is written where it stood (deleted, moved away): its mark. */
  private ghost: Mark | undefined;

  constructor(private readonly ctx: BodyContext) {}

  /** The mark of the whole block being written: an old block's, or an inserted or moved-here block's. */
  private wholeMark(id: string | undefined): Mark | undefined {
    return this.ghost ?? (id !== undefined ? this.ctx.revisions?.markOf(id) : undefined);
  }

  /** A paragraph; with the changes marked (tracked style), block `id`'s whole mark on its runs and its paragraph mark. */
  private p(idOrOptions: string | IParagraphOptions, given?: IParagraphOptions): void {
    const [id, options] = typeof idOrOptions === 'string' ? [idOrOptions, given!] : [undefined, idOrOptions];
    const breakBefore = this.pendingBreak;
    this.pendingBreak = false;
    let opts: IParagraphOptions = breakBefore ? { ...options, pageBreakBefore: true } : options;
    const rev = this.ctx.revisions;
    const mark = rev?.style === 'tracked' ? this.wholeMark(id) : undefined;
    if (rev && mark) {
      const children = rev.moveRange(mark, rev.wrap(mark, [...(opts.children ?? [])]));
      opts = { ...opts, children, run: rev.paragraphMark(mark) };
    }
    const paragraph = new Paragraph(opts);
    if (rev && mark) rev.markMove(paragraph, mark);
    this.out.push(paragraph);
  }

  /** The numbering plan of the side being written: the old version's for an old block. */
  private numberOf(id: string): BlockNumbering | undefined {
    const num = this.plan.blocks.get(id);
    // Strike-bold: an old block's number is typed, so that it does not count in Word's numbering.
    if (num?.kind === 'word' && this.ghost && this.ctx.revisions?.style === 'strike-bold') {
      const label = this.labels.blocks.get(id)?.label;
      return label ? { kind: 'typed', label } : undefined;
    }
    return num;
  }

  private get plan() {
    return this.ghost ? this.ctx.revisions!.oldPlan : this.ctx.plan;
  }

  private get labels() {
    return this.ghost ? this.ctx.revisions!.oldLayout.numbering : this.ctx.layout.numbering;
  }

  /** A block's bookmark around its runs; an old block has none (the new one carries it). */
  private wrap(id: string, children: ParagraphChild[]): ParagraphChild[] {
    return this.ghost ? children : this.ctx.xrefs.wrap(id, children);
  }

  private token(id: string, text: string, ref: string): ParagraphChild[] {
    const run = (t: string) => new TextRun({ text: t, ...this.plainMarks() });
    return this.ghost ? (text === '' ? [] : [run(text)]) : this.ctx.xrefs.wrapToken(id, text, ref, run);
  }

  /** Strike-bold style: the run properties a whole block's mark gives (deleted struck out, new in bold). */
  private plainMarks(id?: string): RunProps {
    const rev = this.ctx.revisions;
    if (rev?.style !== 'strike-bold') return {};
    const mark = this.wholeMark(id);
    if (!mark) return {};
    return mark.kind === 'del' || mark.kind === 'moveFrom' ? { strike: true } : { bold: true };
  }

  /**
   * A block's text: as it is, or with its changes — word runs of a changed block, each marked;
   * an old block's references as plain text (their bookmarks are the new version's).
   */
  private text(b: { id: string; spans: Span[] }): ParagraphChild[] {
    const rev = this.ctx.revisions;
    if (!rev) return this.runs(b.spans);
    if (this.ghost) return this.runs(b.spans.map(plainReference), this.plainMarks());
    const words = rev.changedSpans(b.id);
    if (!words) return this.runs(b.spans, this.plainMarks(b.id));
    return this.marked(words);
  }

  /** Marked stretches of words as runs: removed, inserted, or (tracked style) formatted otherwise than they were. */
  private marked(words: MarkedSpans): ParagraphChild[] {
    const rev = this.ctx.revisions!;
    return words.flatMap(({ spans, mark, was }) => {
      if (was && rev.style === 'tracked') return formatPieces(spans, was).flatMap(({ span, old }) => this.runs([span], { revision: rev.formatChange(old) }));
      if (!mark) return this.runs(spans);
      const removed = mark.kind === 'del';
      const runs = this.runs(removed ? spans.map(plainReference) : spans, rev.style === 'strike-bold' ? (removed ? { strike: true } : { bold: true }) : {});
      return rev.style === 'tracked' ? rev.wrap(mark, runs) : runs;
    });
  }

  /** The runs of a footnote whose words changed, marked (footnotes.ts asks, by the footnote's id). */
  footnoteRuns(id: string): ParagraphChild[] | undefined {
    const words = this.ctx.revisions?.footnoteSpans(id);
    return words ? this.marked(words) : undefined;
  }

  /** A part's title or heading: with its changed words marked, when it changed. */
  private titleRuns(partId: string, which: 'title' | 'heading'): ParagraphChild[] | undefined {
    const words = this.ctx.revisions?.titleSpans(partId, which);
    return words ? this.marked(words) : undefined;
  }

  /** Old blocks that stood here (deleted, moved away), written with their marks and old numbers. */
  private ghosts(list: Ghost[], where: Where): void {
    const outer = this.ghost;
    for (const g of list) {
      this.ghost = g.mark;
      if (g.opens?.heading) this.p({ style: S.annexHeading, children: this.runs(g.opens.heading, this.plainMarks()) });
      if (g.opens && g.opens.title.length > 0) this.p({ style: g.opens.titleStyle === 'subtitle' ? S.subtitle : S.title, children: this.runs(g.opens.title, this.plainMarks()) });
      this.block(g.block, where);
    }
    this.ghost = outer;
  }

  /** Writes the old blocks that stood at the start of the body (a comparison's deletions before the first block). */
  ghostsAtStart(): void {
    const rev = this.ctx.revisions;
    if (rev) this.ghosts(rev.ghostsAtStart(), TOP);
  }

  private table(t: Table): void {
    if (this.pendingBreak) {
      this.pendingBreak = false;
      this.out.push(new Paragraph({ style: S.masthead, pageBreakBefore: true, spacing: { before: 0, after: 0, line: 20, lineRule: LineRuleType.EXACT }, children: [] }));
    }
    this.push(t);
  }

  /**
   * Adds paragraphs and tables as they are (masthead and letterhead material too). Two tables in
   * a row would be merged into one by Word and LibreOffice: a 1 pt paragraph keeps them apart.
   */
  push(...items: (Paragraph | Table)[]): void {
    for (const item of items) {
      if (item instanceof Table && this.out[this.out.length - 1] instanceof Table) {
        this.out.push(new Paragraph({ style: S.masthead, spacing: { before: 0, after: 0, line: 20, lineRule: LineRuleType.EXACT }, children: [] }));
      }
      this.out.push(item);
    }
  }

  private runs(spans: Span[], base: RunProps = {}): ParagraphChild[] {
    return inlineRuns(spans, this.ctx.inline, base);
  }

  // -------------------------------------------------------------------------------------------

  part(part: LayoutPart, opts: { afterMasthead: boolean }): void {
    const { ctx } = this;
    if (part.newPage) this.pendingBreak = true;
    const partLabel = ctx.layout.numbering.parts.get(part.id);
    let before = opts.afterMasthead ? pt(30) : 0;

    // an inserted part's heading and title are marked whole (its id is their mark's key), a changed one's word by word
    if (part.heading) {
      const changed = this.titleRuns(part.id, 'heading');
      const children = changed ?? (partLabel && partLabel.ref !== '' ? ctx.xrefs.wrapTokenInSpans(part.id, part.heading, partLabel.ref, (s) => this.runs(s)) : this.runs(part.heading));
      this.p(part.id, { style: S.annexHeading, spacing: { before }, children });
      before = 0;
    }
    if (part.originalMarker) this.p({ style: S.originalMarker, children: this.runs(part.originalMarker) });
    if (part.title.length > 0) {
      const children = this.titleRuns(part.id, 'title') ?? this.runs(part.title);
      this.p(part.id, { style: part.titleStyle === 'subtitle' ? S.subtitle : S.title, ...(before ? { spacing: { before } } : {}), children: ctx.xrefs.wrap(part.id, children) });
    }
    for (const b of part.blocks) this.block(b, TOP);
  }

  private block(b: LayoutBlock, where: Where): void {
    const rev = this.ctx.revisions;
    if (!rev || this.ghost) return this.blockItself(b, where);
    this.ghosts(rev.ghostsBefore(b.id), where);
    this.blockItself(b, where);
    this.ghosts(rev.ghostsAfter(b.id), where);
  }

  private blockItself(b: LayoutBlock, where: Where): void {
    const { ctx } = this;
    const { g } = ctx;
    const num = this.numberOf(b.id);
    const ref = this.labels.blocks.get(b.id)?.ref ?? '';
    const cellStyle = where.table === 'head' ? S.tableHead : S.tableText;
    const body = where.table ? cellStyle : S.body;
    switch (b.type) {
      case 'heading': {
        const style = { part: S.partHeading, chapter: S.chapter, section: S.section, subsection: S.subsection, unnumbered: S.unnumberedHeading }[b.level];
        const text = this.text(b);
        if (b.level === 'part') {
          this.p(b.id, { style, children: [...this.token(b.id, b.label ?? '', b.label ?? ''), ...(b.label ? [new TextRun({ break: 1 })] : []), ...text] });
        } else if (num?.kind === 'word') {
          this.p(b.id, { style, numbering: { ...num.ref, custom: true }, children: this.wrap(b.id, text) });
        } else if (num?.kind === 'typed') {
          this.p(b.id, { style, children: [...this.token(b.id, num.label, ref), new TextRun({ children: [new Tab()] }), ...text] });
        } else {
          this.p(b.id, { style: where.table ? cellStyle : S.unnumberedHeading, children: text });
        }
        return;
      }
      case 'paragraph': {
        const text = this.text(b);
        if (b.numbered && num?.kind === 'word') {
          this.p(b.id, { style: body, numbering: { ...num.ref, custom: true }, children: this.wrap(b.id, text) });
        } else if (b.numbered && num?.kind === 'typed') {
          this.p(b.id, {
            style: body,
            indent: { left: g.bodyLeft, right: g.bodyRight, firstLine: 0 },
            tabStops: [{ type: TabStopType.LEFT, position: g.bodyLeft + g.tab }],
            children: [...this.token(b.id, num.label, ref), new TextRun({ children: [new Tab()] }), ...text],
          });
        } else if (where.table) {
          this.p(b.id, { style: cellStyle, children: text });
        } else {
          const left = g.bodyLeft + (where.quote ? g.tab : 0);
          this.p(b.id, { style: body, indent: { left, right: g.bodyRight, firstLine: g.tab }, children: text });
        }
        return;
      }
      case 'subparagraph': {
        const text = this.text(b);
        if (num?.kind === 'word') {
          this.p(b.id, { style: body, numbering: { ...num.ref, custom: true }, children: this.wrap(b.id, text) });
        } else {
          const label = num?.kind === 'typed' ? num.label : b.label;
          this.p(b.id, {
            style: body,
            indent: { left: g.bodyLeft, right: g.bodyRight, firstLine: b.level * g.tab },
            tabStops: [{ type: TabStopType.LEFT, position: g.bodyLeft + (b.level + 1) * g.tab }],
            children: [...this.token(b.id, label, label), new TextRun({ children: [new Tab()] }), ...text],
          });
        }
        return;
      }
      case 'bullet':
        this.p(b.id, { style: S.bullet, numbering: { reference: REF_BULLETS, level: b.level - 1, instance: 0, custom: true }, children: this.text(b) });
        return;
      case 'participant':
        this.p(b.id, { style: where.table ? cellStyle : S.participant, children: this.text(b) });
        return;
      case 'generated':
        // The salutation starts at the text column; every other generated paragraph is indented as the body is.
        this.p(b.id, { style: body, indent: { left: g.bodyLeft, right: g.bodyRight, firstLine: b.role === 'salutation' ? 0 : g.tab }, children: this.text(b) });
        return;
      case 'addressee':
        // Flush left at the text column, under the signature: one paragraph per addressee, a line each.
        for (const group of b.groups) {
          const children: ParagraphChild[] = [];
          group.forEach((line, i) => {
            if (i > 0) children.push(new TextRun({ break: 1 }));
            children.push(...this.runs(line));
          });
          this.p({ style: body, alignment: AlignmentType.LEFT, keepLines: true, indent: { left: g.bodyLeft, right: g.bodyRight, firstLine: 0 }, spacing: { before: pt(24) }, children });
        }
        return;
      case 'pageBreak':
        this.pendingBreak = true;
        return;
      case 'signature':
        this.signature(b);
        return;
      case 'table':
        this.table(this.tableOf(b));
        return;
      case 'quote':
        for (const c of b.blocks) this.block(c, { ...where, quote: true });
        return;
      case 'participants':
        for (const c of b.blocks) this.block(c, where);
        return;
    }
  }

  /**
   * Right-aligned, in the layout's order (French: title then « (Signé) Nom »; English:
   * "(Signed) Name" then titles). On the mission letterhead the letter is the original the chair
   * signs: no "(Signed)" marker; the scanned signature goes above the name, and only in the
   * export of a finalised revision (else room is left for a hand signature).
   */
  private signature(b: Extract<LayoutBlock, { type: 'signature' }>): void {
    const { options, warnings } = this.ctx;
    const letterhead = options.profile === 'letterhead';
    for (const s of b.signatories) {
      const children: ParagraphChild[] = [];
      s.lines.forEach((line, li) => {
        if (li > 0) children.push(new TextRun({ break: 1 }));
        if (!letterhead || line.kind !== 'name') return void children.push(...this.runs(signatureLineSpans(line)));
        const asset = s.person ? options.signatures?.[s.person] : undefined;
        const image = options.finalised && asset ? imageRun(asset, pt(150), pt(48), 'Signature image', warnings) : undefined;
        if (image) children.push(image, new TextRun({ break: 1 }));
        else children.push(new TextRun({ break: 1 }), new TextRun({ break: 1 }), new TextRun({ break: 1 }));
        children.push(...this.runs(line.name));
      });
      // A scanned signature needs its own height: no exact line spacing for that block.
      const withImage = children.some((c) => c instanceof ImageRun);
      this.p(b.id, { style: S.signature, keepLines: true, ...(withImage ? { spacing: { line: 240, lineRule: LineRuleType.AUTO } } : {}), children });
    }
  }

  private tableOf(b: Extract<LayoutBlock, { type: 'table' }>): Table {
    const { g } = this.ctx;
    const columns = b.columns.length;
    const width = g.frameWidth - g.bodyLeft - g.bodyRight;
    // The layout's column widths in whole twips, the last column taking what rounding leaves.
    const widths = b.columns.map((w) => Math.floor(w * 20));
    widths[columns - 1] = width - widths.slice(0, -1).reduce((a, x) => a + x, 0);

    const pending = this.pendingBreak;
    this.pendingBreak = false;
    // rows inserted and deleted: a deleted one written where it stood, struck out or with its row marked deleted (tracked style)
    const rev = this.ctx.revisions;
    const plan = rev && !this.ghost ? rev.rowsOf(b.id) : undefined;
    const entries: RowPlan = plan ?? b.rows.map((row, ri) => ({ row, head: ri < b.headerRows }));
    const lastHead = entries.reduce((last, e, i) => (e.head ? i : last), -1);
    const rows = entries.map((entry, ri) => {
      const { row, head, mark } = entry;
      const outer = this.ghost;
      if (entry.old) this.ghost = mark;
      const cells = Array.from({ length: columns }, (_, c) => {
        const cell = row.cells[c];
        const before = this.out.length;
        for (const x of cell?.blocks ?? []) this.block(x, { quote: false, table: head ? 'head' : 'body' });
        const content = this.out.splice(before);
        return new TableCell({
          children: content.length > 0 ? content : [new Paragraph({ style: head ? S.tableHead : S.tableText, children: [] })],
          width: { size: widths[c]!, type: WidthType.DXA },
          borders: { top: NONE, left: NONE, right: NONE, bottom: head && ri === lastHead ? THIN : NONE },
        });
      });
      this.ghost = outer;
      return new TableRow({ children: cells, cantSplit: true, ...(head ? { tableHeader: true } : {}), ...(rev?.style === 'tracked' && mark ? rev.rowMark(mark) : {}) });
    });
    this.pendingBreak = pending;
    return new Table({
      rows,
      width: { size: width, type: WidthType.DXA },
      columnWidths: widths,
      indent: { size: g.bodyLeft, type: WidthType.DXA },
      layout: TableLayoutType.FIXED,
      alignment: AlignmentType.LEFT,
      margins: { left: pt(g.points.cellPadding.left), right: pt(g.points.cellPadding.right), top: 0, bottom: 0 },
      borders: { top: THIN, bottom: MEDIUM, left: NONE, right: NONE, insideHorizontal: NONE, insideVertical: NONE },
    });
  }
}

/** A reference written as the text it prints (in an old block: its target's bookmark may be gone). */
function plainReference(span: Span): Span {
  if (!span.xref) return span;
  const { xref: _, ...rest } = span;
  return rest;
}
