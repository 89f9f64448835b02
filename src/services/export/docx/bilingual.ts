/**
 * The bilingual DOCX for review: one two-column table, the source on the left and its
 * translation on the right, one table row per row of the translation (a part's heading and
 * title, then each top-level block), so the two versions of a block start on the same line in
 * Word and LibreOffice alike, each with its own label in its own language's form ("a)" / "(a)").
 *
 * Each cell is written by the issued DOCX's own body writer (blocks.ts), from each language's
 * layout (core/render/layout), so the words, labels and generated text are the ones the issued
 * versions print. What differs here, for a document read side by side: numbers are typed (a
 * Word list would number across both columns), cross-references are plain text (no bookmarks
 * to point at twice), the body has no indents of its own (the column is narrow), and there is no
 * masthead or page furniture. A translation row that is outdated (its source changed since) is
 * shaded, and said so in the warnings; text a version lacks shows as the layout's marker.
 * Footnotes keep their marks, each written with its own column's inline context, and each
 * column numbers its own: 1, 2… on the left and 1, 2… on the right, as each issued version does
 * (custom reference marks, custom-marks.ts; Word would number one sequence across both).
 */
import { counted } from '../../../core/locale/counted';
import { Document, Packer, Paragraph, Table, TableCell, TableLayoutType, TableRow, TextRun, WidthType, BorderStyle, ShadingType, PageOrientation, type IBorderOptions } from 'docx';
import type { Lang, RDocument } from '../../../core/model/schema';
import { layoutDocument, type Layout, type LayoutPart } from '../../../core/render/layout';
import type { Span } from '../../../core/render/spans';
import { pageGeometry } from '../../../core/render/geometry';
import { missingText } from '../../../core/model/versions';
import { rowStatus } from '../../../core/translation/status';
import type { ExportOptions, ExportWarning } from '../../../core/render/options';
import { missingTextWarning } from '../../../core/render/warnings';
import { BodyWriter, type BodyContext } from './blocks';
import { Footnotes } from './footnotes';
import { withCustomMarks } from './custom-marks';
import { docxGeometry, pt, type Geometry } from './geometry';
import { numberingDefinitions, planNumbering, type NumberingPlan } from './numbering';
import { documentStyles, S } from './styles';
import { CrossReferences } from './xrefs';
import type { DocxResult } from './index';

const LANG_NAMES: Record<Lang, Record<Lang, string>> = {
  fr: { fr: 'Français', en: 'Anglais' },
  en: { fr: 'French', en: 'English' },
};
const RULE: IBorderOptions = { style: BorderStyle.SINGLE, size: 4, color: '999999' };
const OUTDATED_FILL = 'FFF2CC';

/** Cross-references as the layout's plain text: nothing to bookmark twice in one file. */
class PlainReferences extends CrossReferences {
  // No bookmarks: wrap, wrapToken and wrapTokenInSpans then write plain runs.
  override bookmark(): undefined {
    return undefined;
  }
  override runs(span: Span, plain: (t: string) => TextRun): ReturnType<CrossReferences['wrap']> {
    return [plain(span.text)];
  }
}

/** Every number typed, with the label the layout gives it. */
function typedNumbers(layout: Layout): NumberingPlan {
  const plan = planNumbering(layout);
  const blocks: NumberingPlan['blocks'] = new Map();
  for (const [id, n] of plan.blocks) blocks.set(id, n.kind === 'typed' ? n : { kind: 'typed', label: layout.numbering.blocks.get(id)?.label ?? '' });
  return { ...plan, blocks, fallbacks: 0 };
}

/** One language's side: a body writer whose output is taken one row at a time. */
class Side {
  private readonly writer: BodyWriter;
  constructor(readonly layout: Layout, private readonly ctx: BodyContext, private readonly footnotes: Footnotes) {
    this.writer = new BodyWriter(ctx);
  }

  /** What `part` (only its heading and title, or only `blocks`) writes, taken out of the body. */
  take(part: LayoutPart, only: 'head' | LayoutPart['blocks']): (Paragraph | Table)[] {
    const piece: LayoutPart = only === 'head' ? { ...part, newPage: false, blocks: [] } : { ...part, newPage: false, heading: undefined, originalMarker: undefined, title: [], blocks: only };
    // The notes this piece registers are written in this side's language, with their marks.
    this.footnotes.inline = this.ctx.inline;
    this.writer.part(piece, { afterMasthead: false });
    return this.writer.out.splice(0);
  }
}

function sideContext(doc: RDocument, lang: Lang, g: Geometry, options: ExportOptions, footnotes: Footnotes, marks: Map<number, string>, warnings: ExportWarning[]): { layout: Layout; ctx: BodyContext } {
  const layout = layoutDocument(doc, lang, options);
  const plan = typedNumbers(layout);
  const xrefs = new PlainReferences(layout, plan);
  // One file holds the footnotes of both versions: each note is known by its language too, and
  // its mark is its number in this side's own sequence (in the order the side refers to them).
  let count = 0;
  const footnote = (f: NonNullable<Span['footnote']>) => {
    const id = footnotes.sink({ ...f, id: `${lang}:${f.id}` });
    if (!marks.has(id)) marks.set(id, String(++count));
    return id;
  };
  const inline = { lang, xrefs, footnote };
  const ctx: BodyContext = { layout, g, options: { ...options, lang }, plan, xrefs, inline, warnings };
  return { layout, ctx };
}

/**
 * The two-column review DOCX of `doc`: `source` on the left, `target` (its translation) on the
 * right. Landscape, on the options' paper; the column heads name each version in `target`'s
 * language.
 */
export async function exportBilingualDocx(doc: RDocument, source: Lang, target: Lang, options: ExportOptions): Promise<DocxResult> {
  if (source === target) throw new Error('A bilingual export puts two different versions side by side.');
  for (const l of [source, target]) if (doc.text[l] === undefined) throw new Error(`The dossier has no ${LANG_NAMES.en[l]} version.`);
  const warnings: ExportWarning[] = [];
  const base = docxGeometry(pageGeometry('issued', options.paper));
  const page = { width: base.page.height, height: base.page.width };
  const margin = { ...base.margin, left: pt(54), right: pt(54), top: pt(54), bottom: pt(54) };
  const tableWidth = page.width - margin.left - margin.right;
  const column = Math.floor(tableWidth / 2);
  const g: Geometry = { ...base, page, margin, frameWidth: column - pt(10), bodyLeft: 0, bodyRight: 0, headingLeft: 0, headingHang: 0 };
  const footnotes = new Footnotes();
  const marks = new Map<number, string>();
  const left = sideContext(doc, source, g, options, footnotes, marks, warnings);
  const right = sideContext(doc, target, g, options, footnotes, marks, warnings);
  const sides = [new Side(left.layout, left.ctx, footnotes), new Side(right.layout, right.ctx, footnotes)] as const;

  const cell = (content: (Paragraph | Table)[], fill?: string) =>
    new TableCell({
      children: content.length > 0 ? content : [new Paragraph({ style: S.body, children: [] })],
      width: { size: column, type: WidthType.DXA },
      margins: { left: pt(5), right: pt(5), top: pt(3), bottom: pt(3) },
      ...(fill ? { shading: { type: ShadingType.CLEAR, fill, color: 'auto' } } : {}),
    });
  const role = target === 'fr' ? { source: 'source', target: 'traduction' } : { source: 'source', target: 'translation' };
  const heads = [source, target].map((l) => new Paragraph({ style: S.tableHead, children: [new TextRun({ text: `${LANG_NAMES[target][l]} (${role[l === source ? 'source' : 'target']})`, bold: true })] }));
  const rows: TableRow[] = [new TableRow({ tableHeader: true, cantSplit: true, children: heads.map((h) => cell([h], 'EDEDED')) })];
  let outdated = 0;
  const targetParts = new Map(right.layout.parts.map((p) => [p.id, p]));
  for (const part of left.layout.parts) {
    const other = targetParts.get(part.id);
    if (!other) continue;
    const head = [sides[0].take(part, 'head'), sides[1].take(other, 'head')];
    if (head[0]!.length + head[1]!.length > 0) rows.push(new TableRow({ cantSplit: true, children: head.map((c) => cell(c)) }));
    const otherBlocks = new Map(other.blocks.map((b) => [b.id, b]));
    for (const block of part.blocks) {
      const twin = otherBlocks.get(block.id);
      const content = [sides[0].take(part, [block]), sides[1].take(other, twin ? [twin] : [])];
      if (content[0]!.length + content[1]!.length === 0) continue;
      const stale = rowStatus(doc, block.id, source, target) === 'outdated';
      if (stale) outdated++;
      rows.push(new TableRow({ children: [cell(content[0]!), cell(content[1]!, stale ? OUTDATED_FILL : undefined)] }));
    }
  }
  const missing = missingText(doc, target).size;
  if (missing > 0) warnings.push(missingTextWarning(missing, LANG_NAMES.en[target]));
  if (outdated > 0) warnings.push({ code: 'translation-outdated', message: `${counted(outdated, 'block', 'blocks')} of the ${LANG_NAMES.en[target]} version translated from an earlier ${LANG_NAMES.en[source]} text (shaded).` });

  const table = new Table({
    rows,
    width: { size: column * 2, type: WidthType.DXA },
    columnWidths: [column, column],
    layout: TableLayoutType.FIXED,
    borders: { top: RULE, bottom: RULE, left: RULE, right: RULE, insideHorizontal: RULE, insideVertical: RULE },
  });
  const symbols = doc.meta.symbols.filter((s) => s.trim() !== '').join(' – ');
  const document = new Document({
    creator: 'Rapporteur',
    title: symbols || 'Bilingual review',
    styles: documentStyles(g, target),
    numbering: numberingDefinitions(g, target),
    footnotes: footnotes.notes,
    sections: [
      {
        properties: { page: { size: { width: page.height, height: page.width, orientation: PageOrientation.LANDSCAPE }, margin } },
        children: [...(symbols ? [new Paragraph({ style: S.tableHead, children: [new TextRun({ text: symbols, bold: true })] })] : []), table],
      },
    ],
  });
  const buffer = await Packer.toBuffer(document);
  return { bytes: withCustomMarks(new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength), marks), warnings };
}
