/**
 * The top of page 1: the UN masthead (issued profile), the session/agenda columns of joint
 * GA/SC documents, or the mission's own letterhead (letterhead profile).
 *
 * Masthead (un-format.md "First-page masthead"), a borderless table across the furniture width:
 *   row 1  | (emblem column) | "Nations Unies" 14 pt         | symbol: series letter 20 pt, rest 10 pt (right) |
 *          thin rule under the whole row
 *   row 2  | optional image  | organ name(s) 20 pt bold     | Distr. / date / language / Original, 10 pt on 12 pt |
 *          thick rule (1.5 pt) under the whole row
 * The emblem column is as wide as the body indent, so the organ names start at the body text
 * column; the distribution column starts at ≈65 % of the page width. No UN emblem is shipped.
 */
import {
  AlignmentType,
  HeightRule,
  ImageRun,
  LineRuleType,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  Tab,
  TabStopType,
  TextRun,
  WidthType,
  type ParagraphChild,
} from 'docx';
import type { LayoutLetterhead, LayoutMasthead } from '../../../core/render/furniture';
import { imageMatchesMime, type ExportOptions, type ExportWarning, type ImageAsset } from '../../../core/render/options';
import type { Span } from '../../../core/render/spans';
import { THICK, THIN } from './borders';
import { furnitureCell, furnitureTable } from './furniture-table';
import { hp, pt, type Geometry } from './geometry';
import { S } from './styles';

/** Twips → the pixels (96 per inch) docx sizes images in. */
const px = (twips: number) => Math.round((twips / 1440) * 96);

/** An image asset as a docx image run of at most `maxW` × `maxH` twips, aspect ratio kept. */
export function imageRun(asset: ImageAsset, maxW: number, maxH: number, what: string, warnings: ExportWarning[]): ImageRun | undefined {
  if (!imageMatchesMime(asset)) {
    warnings.push({ code: 'image-invalid', message: `${what}: the file is not a valid ${asset.mime} image; it was left out.` });
    return undefined;
  }
  const sig = asset.bytes;
  const png = asset.mime === 'image/png';
  let w = asset.widthPx ?? 0;
  let h = asset.heightPx ?? 0;
  if (png && (!w || !h) && sig.length >= 24) {
    const v = new DataView(sig.buffer, sig.byteOffset, sig.byteLength);
    w = v.getUint32(16);
    h = v.getUint32(20);
  }
  if (!w || !h) {
    w = 1;
    h = 1;
  }
  const scale = Math.min(px(maxW) / w, px(maxH) / h);
  return new ImageRun({ type: png ? 'png' : 'jpg', data: asset.bytes, transformation: { width: Math.max(1, Math.round(w * scale)), height: Math.max(1, Math.round(h * scale)) } });
}

/** A masthead line's spans as runs of one size (and weight); « 1er » stays raised. */
function lineRuns(spans: Span[], props: { size?: number; bold?: boolean } = {}): TextRun[] {
  return spans.map((span) => new TextRun({ ...props, text: span.text, ...(span.superscript ? { superScript: true } : {}) }));
}

/** "S/2017/138" with its series letter at 20 pt; joint symbols joined by an en dash. */
function symbolRuns(symbols: LayoutMasthead['symbols'], size: Geometry['points']['masthead']): TextRun[] {
  const out: TextRun[] = [];
  symbols.forEach(({ letter, rest }, i) => {
    if (i > 0) out.push(new TextRun({ text: '–', size: hp(size.symbol) }));
    if (letter) out.push(new TextRun({ text: letter, size: hp(size.series) }));
    if (rest) out.push(new TextRun({ text: rest, size: hp(size.symbol) }));
  });
  return out;
}

const mp = (children: ParagraphChild[], extra: Partial<ConstructorParameters<typeof Paragraph>[0] & object> = {}) =>
  new Paragraph({ style: S.masthead, children, ...extra });

export function mastheadTable(m: LayoutMasthead, g: Geometry, options: ExportOptions, warnings: ExportWarning[]): Table {
  const colA = g.bodyLeft;
  const colC = Math.max(pt(150), g.frameWidth - Math.round(g.page.width * 0.65 - g.margin.left));
  const colB = g.frameWidth - colA - colC;
  const image = options.mastheadImage ? imageRun(options.mastheadImage, colA - pt(6), pt(54), 'Masthead image', warnings) : undefined;

  const row1Cell = (children: Paragraph[], width: number) => furnitureCell(children, width, 'bottom', THIN);
  const row2Cell = (children: Paragraph[], width: number) => furnitureCell(children, width, 'top', THICK);

  const size = g.points.masthead;
  const lines = [m.distribution, m.date, m.versionLanguage, m.original];
  const distribution = lines.map((l) => mp(lineRuns(l, { size: hp(size.line) })));
  distribution[0] = new Paragraph({ style: S.masthead, spacing: { before: pt(8), after: 0, line: pt(12), lineRule: LineRuleType.EXACT }, children: lineRuns(lines[0]!, { size: hp(size.line) }) });

  // Without an organ, an empty line keeps the row's height.
  const organs = (m.organs.length > 0 ? m.organs : [[{ text: '' }]]).map(
    (o, i) =>
      new Paragraph({
        style: S.masthead,
        spacing: { before: i === 0 ? pt(8) : 0, after: 0, line: pt(23), lineRule: LineRuleType.EXACT },
        children: lineRuns(o, { bold: true, size: hp(size.organ) }),
      }),
  );

  return furnitureTable(
    [colA, colB, colC],
    [
      new TableRow({
        height: { value: pt(30), rule: HeightRule.ATLEAST },
        children: [
          row1Cell([mp([])], colA),
          row1Cell([new Paragraph({ style: S.masthead, spacing: { after: pt(3), line: pt(16), lineRule: LineRuleType.EXACT }, children: [new TextRun({ text: m.unitedNations, size: hp(size.unitedNations) })] })], colB),
          row1Cell([new Paragraph({ style: S.masthead, alignment: AlignmentType.RIGHT, spacing: { after: pt(3), line: pt(22), lineRule: LineRuleType.EXACT }, children: symbolRuns(m.symbols, size) })], colC),
        ],
      }),
      new TableRow({
        height: { value: pt(96), rule: HeightRule.ATLEAST },
        children: [
          row2Cell([mp(image ? [image] : [], { spacing: { before: pt(8), after: 0, line: 240, lineRule: LineRuleType.AUTO } })], colA),
          row2Cell(organs, colB),
          row2Cell(distribution, colC),
        ],
      }),
    ],
    { flush: true },
  );
}

/**
 * Joint GA/SC documents: under the masthead, a column per organ: "Assemblée générale /
 * Soixante-quatrième session / Points 10 et 33 de l'ordre du jour / (item titles, bold)" and
 * "Conseil de sécurité / Soixante-cinquième année". The columns start at the body indent and at
 * the distribution column.
 */
export function sessionColumns(m: LayoutMasthead, g: Geometry): Table | undefined {
  if (m.sessionColumns.length === 0) return undefined;
  const size = g.points.masthead.line;
  const colC = Math.max(pt(150), g.frameWidth - Math.round(g.page.width * 0.65 - g.margin.left));
  const widths = m.sessionColumns.length === 1 ? [g.frameWidth - g.bodyLeft] : [g.frameWidth - g.bodyLeft - colC, colC];
  const cells = m.sessionColumns.slice(0, 2).map((c, i) => {
    const children = [
      mp(lineRuns(c.organ, { size: hp(size) })),
      ...c.lines.map((l) => mp(lineRuns(l, { size: hp(size) }))),
      ...c.itemTitles.map((t) => new Paragraph({ style: S.masthead, spacing: { before: pt(6), after: 0, line: pt(12), lineRule: LineRuleType.EXACT }, children: lineRuns(t, { size: hp(size), bold: true }) })),
    ];
    return new TableCell({ children, width: { size: widths[i]!, type: WidthType.DXA }, margins: { left: 0, right: pt(12), top: 0, bottom: 0 } });
  });
  return furnitureTable(widths, [new TableRow({ children: cells })], { indent: g.bodyLeft, flush: false });
}

/**
 * The mission's letterhead: logo and address lines from the settings, centred over a thin rule,
 * then the reference number (left) and "Place, le 13 février 2017" / "Place, 13 February 2017"
 * (right) on one line.
 */
export function letterhead(lh: LayoutLetterhead, g: Geometry, options: ExportOptions, warnings: ExportWarning[]): Paragraph[] {
  const out: Paragraph[] = [];
  const logoAsset = options.letterhead?.logo;
  const logo = logoAsset ? imageRun(logoAsset, pt(200), pt(60), 'Letterhead logo', warnings) : undefined;
  if (logo) out.push(new Paragraph({ style: S.masthead, alignment: AlignmentType.CENTER, spacing: { after: pt(6), line: 240, lineRule: LineRuleType.AUTO }, children: [logo] }));
  const lines = lh.lines;
  lines.forEach((l, i) =>
    out.push(
      new Paragraph({
        style: S.masthead,
        alignment: AlignmentType.CENTER,
        spacing: { before: 0, after: 0, line: pt(11), lineRule: LineRuleType.EXACT },
        children: [new TextRun({ text: l, size: i === 0 ? hp(g.points.letterhead.name) : hp(g.points.letterhead.lines), bold: i === 0 })],
        ...(i === lines.length - 1 ? { border: { bottom: { ...THIN, space: 4 } } } : {}),
      }),
    ),
  );
  const right = g.frameWidth - g.bodyRight;
  const date = hp(g.points.letterhead.date);
  out.push(
    new Paragraph({
      style: S.masthead,
      spacing: { before: pt(18), after: pt(30), line: pt(12), lineRule: LineRuleType.EXACT },
      indent: { left: g.bodyLeft },
      tabStops: [{ type: TabStopType.RIGHT, position: right }],
      children: [...(lh.reference ? [new TextRun({ text: lh.reference, size: date })] : []), new TextRun({ children: [new Tab()], size: date }), ...lineRuns(lh.dateLine, { size: date })],
    }),
  );
  return out;
}
