/**
 * The body: each part of the layout (title, annex heading, blocks) as DOCX paragraphs and tables.
 * Labels, generated text and cross-reference texts all come from the layout; numbers are
 * written as Word numbering where the plan (numbering.ts) says so, typed otherwise.
 */
import {
  AlignmentType,
  BorderStyle,
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
  type IBorderOptions,
  type IParagraphOptions,
  type ParagraphChild,
} from 'docx';
import type { Lang, RDocument } from '../../../core/model/schema';
import type { Layout, LayoutBlock, LayoutPart, Span } from '../../../core/render/layout';
import { CELL_PADDING_PT, tableColumnWidths } from '../../../core/render/columns';
import type { ExportOptions, ExportWarning } from '../../../core/render/options';
import { pt, type Geometry } from './geometry';
import { inlineRuns, textRuns, type InlineContext, type RunProps } from './inline';
import { imageRun } from './masthead';
import { REF_BULLETS, type NumberingPlan } from './numbering';
import { S } from './styles';
import type { CrossReferences } from './xrefs';

const SIGNED: Record<Lang, string> = { fr: '(Signé)', en: '(Signed)' };
const NONE: IBorderOptions = { style: BorderStyle.NONE, size: 0, color: 'auto' };
const RULE: IBorderOptions = { style: BorderStyle.SINGLE, size: 4, color: '000000' };
const RULE_END: IBorderOptions = { style: BorderStyle.SINGLE, size: 8, color: '000000' };

export type BodyContext = {
  doc: RDocument;
  layout: Layout;
  lang: Lang;
  g: Geometry;
  options: ExportOptions;
  plan: NumberingPlan;
  xrefs: CrossReferences;
  inline: InlineContext;
  warnings: ExportWarning[];
  /** Signature block id → person ids, from the model (the layout keeps only the lines). */
  signatories: Map<string, string[]>;
  stats: { placeholders: number; brokenXrefs: number; missingSignatures: Set<string> };
};

type Where = { quote: boolean; table: 'head' | 'body' | undefined };
const TOP: Where = { quote: false, table: undefined };

export class BodyWriter {
  readonly out: (Paragraph | Table)[] = [];
  private pendingBreak = false;

  constructor(private readonly ctx: BodyContext) {}

  private p(options: IParagraphOptions): void {
    const breakBefore = this.pendingBreak;
    this.pendingBreak = false;
    this.out.push(new Paragraph(breakBefore ? { ...options, pageBreakBefore: true } : options));
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
    for (const s of spans) {
      if (s.placeholder) this.ctx.stats.placeholders++;
      if (s.xref?.broken) this.ctx.stats.brokenXrefs++;
    }
    return inlineRuns(spans, this.ctx.inline, base);
  }

  // -------------------------------------------------------------------------------------------

  part(part: LayoutPart, opts: { afterMasthead: boolean }): void {
    const { ctx } = this;
    if (part.newPage) this.pendingBreak = true;
    const owned = part.kind === 'annex' || part.kind === 'enclosure';
    const partLabel = ctx.layout.numbering.parts.get(part.id);
    let before = opts.afterMasthead ? pt(30) : 0;

    if (part.heading) {
      const children = partLabel && partLabel.ref !== '' ? ctx.xrefs.wrapToken(part.id, part.heading, partLabel.ref, (t) => new TextRun(t)) : textRuns(part.heading);
      this.p({ style: S.annexHeading, spacing: { before }, children });
      before = 0;
    }
    if (part.originalMarker) this.p({ style: S.originalMarker, children: textRuns(part.originalMarker) });
    // On the mission's letterhead the letter is the original as sent: the title "Letter dated …
    // from … addressed to …" is what the Secretariat gives it when it issues it.
    const omitTitle = ctx.options.profile === 'letterhead' && part.kind === 'letter' && part.titleGenerated;
    if (part.title.length > 0 && !omitTitle) {
      // Under "Annex to the letter dated …" the annex's own title is a 12 pt subtitle; under a
      // bare "Annex" (or for a letter, report or statement) it is the 14 pt document title.
      const bare = !part.heading || part.heading === partLabel?.label;
      this.p({ style: owned && !bare ? S.subtitle : S.title, ...(before ? { spacing: { before } } : {}), children: ctx.xrefs.wrap(part.id, this.runs(part.title)) });
    }
    for (const b of part.blocks) this.block(b, TOP);
  }

  private block(b: LayoutBlock, where: Where): void {
    const { ctx } = this;
    const { g } = ctx;
    const num = ctx.plan.blocks.get(b.id);
    const ref = ctx.layout.numbering.blocks.get(b.id)?.ref ?? '';
    const cellStyle = where.table === 'head' ? S.tableHead : S.tableText;
    const body = where.table ? cellStyle : S.body;
    switch (b.type) {
      case 'heading': {
        const style = { part: S.partHeading, chapter: S.chapter, section: S.section, subsection: S.subsection, unnumbered: S.unnumberedHeading }[b.level];
        const text = this.runs(b.spans);
        if (b.level === 'part') {
          this.p({ style, children: [...ctx.xrefs.wrapToken(b.id, b.label ?? '', b.label ?? '', (t) => new TextRun(t)), ...(b.label ? [new TextRun({ break: 1 })] : []), ...text] });
        } else if (num?.kind === 'word') {
          this.p({ style, numbering: { ...num.ref, custom: true }, children: ctx.xrefs.wrap(b.id, text) });
        } else if (num?.kind === 'typed') {
          this.p({ style, children: [...ctx.xrefs.wrapToken(b.id, num.label, ref, (t) => new TextRun(t)), new TextRun({ children: [new Tab()] }), ...text] });
        } else {
          this.p({ style: where.table ? cellStyle : S.unnumberedHeading, children: text });
        }
        return;
      }
      case 'paragraph': {
        const text = this.runs(b.spans);
        if (b.numbered && num?.kind === 'word') {
          this.p({ style: body, numbering: { ...num.ref, custom: true }, children: ctx.xrefs.wrap(b.id, text) });
        } else if (b.numbered && num?.kind === 'typed') {
          this.p({
            style: body,
            indent: { left: g.bodyLeft, right: g.bodyRight, firstLine: 0 },
            tabStops: [{ type: TabStopType.LEFT, position: g.bodyLeft + g.tab }],
            children: [...ctx.xrefs.wrapToken(b.id, num.label, ref, (t) => new TextRun(t)), new TextRun({ children: [new Tab()] }), ...text],
          });
        } else if (where.table) {
          this.p({ style: cellStyle, children: text });
        } else {
          const left = g.bodyLeft + (where.quote ? g.tab : 0);
          this.p({ style: body, indent: { left, right: g.bodyRight, firstLine: g.tab }, children: text });
        }
        return;
      }
      case 'subparagraph': {
        const text = this.runs(b.spans);
        if (num?.kind === 'word') {
          this.p({ style: body, numbering: { ...num.ref, custom: true }, children: ctx.xrefs.wrap(b.id, text) });
        } else {
          const label = num?.kind === 'typed' ? num.label : b.label;
          this.p({
            style: body,
            indent: { left: g.bodyLeft, right: g.bodyRight, firstLine: b.level * g.tab },
            tabStops: [{ type: TabStopType.LEFT, position: g.bodyLeft + (b.level + 1) * g.tab }],
            children: [...ctx.xrefs.wrapToken(b.id, label, label, (t) => new TextRun(t)), new TextRun({ children: [new Tab()] }), ...text],
          });
        }
        return;
      }
      case 'bullet':
        this.p({ style: S.bullet, numbering: { reference: REF_BULLETS, level: b.level - 1, instance: 0, custom: true }, children: this.runs(b.spans) });
        return;
      case 'participant':
        this.p({ style: where.table ? cellStyle : S.participant, children: this.runs(b.spans) });
        return;
      case 'generated':
        this.p({ style: body, indent: { left: g.bodyLeft, right: g.bodyRight, firstLine: g.tab }, children: this.runs(b.spans) });
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
    const { ctx } = this;
    const letterhead = ctx.options.profile === 'letterhead';
    const signed = SIGNED[ctx.lang];
    const people = ctx.signatories.get(b.id) ?? [];
    b.signatories.forEach((s, i) => {
      const children: ParagraphChild[] = [];
      s.lines.forEach((line, li) => {
        const isName = line[0]?.italic === true && line[0].text === signed;
        let spans = line;
        if (letterhead && isName) {
          spans = line.slice(1).map((sp, j) => (j === 0 ? { ...sp, text: sp.text.replace(/^\s+/, '') } : sp));
          const name = spans.map((sp) => sp.text).join('');
          const person = people[i];
          const asset = person ? ctx.options.signatures?.[person] : undefined;
          let image;
          if (ctx.options.finalised) {
            if (asset) image = imageRun(asset, pt(150), pt(48), 'Signature image', ctx.warnings);
            else ctx.stats.missingSignatures.add(name);
          }
          if (li > 0) children.push(new TextRun({ break: 1 }));
          if (image) children.push(image, new TextRun({ break: 1 }));
          else children.push(new TextRun({ break: 1 }), new TextRun({ break: 1 }), new TextRun({ break: 1 }));
          children.push(...this.runs(spans));
          return;
        }
        if (li > 0) children.push(new TextRun({ break: 1 }));
        children.push(...this.runs(spans));
      });
      // A scanned signature needs its own height: no exact line spacing for that block.
      const withImage = children.some((c) => c instanceof ImageRun);
      this.p({ style: S.signature, keepLines: true, ...(withImage ? { spacing: { line: 240, lineRule: LineRuleType.AUTO } } : {}), children });
    });
  }

  private tableOf(b: Extract<LayoutBlock, { type: 'table' }>): Table {
    const { g } = this.ctx;
    const columns = Math.max(1, ...b.rows.map((r) => r.cells.length));
    const width = g.frameWidth - g.bodyLeft - g.bodyRight;
    // Column widths from their content (core/render/columns, as the print view): no word broken.
    const points = tableColumnWidths(b, width / 20, { bodySize: g.size.body / 2, headSize: g.size.tableHead / 2, padding: CELL_PADDING_PT.left + CELL_PADDING_PT.right });
    const widths = points.map((w) => Math.floor(w * 20));
    widths[columns - 1] = width - widths.slice(0, -1).reduce((a, x) => a + x, 0);

    const pending = this.pendingBreak;
    this.pendingBreak = false;
    const rows = b.rows.map((row, ri) => {
      const head = ri < b.headerRows;
      const cells = Array.from({ length: columns }, (_, c) => {
        const cell = row.cells[c];
        const before = this.out.length;
        for (const x of cell?.blocks ?? []) this.block(x, { quote: false, table: head ? 'head' : 'body' });
        const content = this.out.splice(before) as (Paragraph | Table)[];
        return new TableCell({
          children: content.length > 0 ? content : [new Paragraph({ style: head ? S.tableHead : S.tableText, children: [] })],
          width: { size: widths[c]!, type: WidthType.DXA },
          borders: { top: NONE, left: NONE, right: NONE, bottom: head && ri === b.headerRows - 1 ? RULE : NONE },
        });
      });
      return new TableRow({ children: cells, cantSplit: true, ...(head ? { tableHeader: true } : {}) });
    });
    this.pendingBreak = pending;
    return new Table({
      rows,
      width: { size: width, type: WidthType.DXA },
      columnWidths: widths,
      indent: { size: g.bodyLeft, type: WidthType.DXA },
      layout: TableLayoutType.FIXED,
      alignment: AlignmentType.LEFT,
      margins: { left: pt(CELL_PADDING_PT.left), right: pt(CELL_PADDING_PT.right), top: 0, bottom: 0 },
      borders: { top: RULE, bottom: RULE_END, left: NONE, right: NONE, insideHorizontal: NONE, insideVertical: NONE },
    });
  }
}
