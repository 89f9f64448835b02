/**
 * Page furniture: headers and footers (un-format.md "Page furniture").
 *
 * Issued layout:
 * - page 1: no running header, no page number; footer with job number, language letter and
 *   date stamp ("17-02619 (F)    220217"), the Code 39 barcode of the job number under it,
 *   and "Merci de recycler" / "Please recycle" with the recycling symbol (♲, U+2672, from a
 *   symbol font) at the right, when a job number is set;
 * - later pages: header = the symbol(s), bold 9 pt, at the outer edge (right on odd pages, left
 *   on even pages) over a thin rule; footer = "2/13" (PAGE/NUMPAGES fields), bold 9 pt, at the
 *   outer edge, and the job number (no language letter) at the inner edge.
 * Manuscript and letterhead: a plain page number, centred, from page 2.
 * A « PROJET » / "DRAFT" watermark (Word's own watermark shape) goes in every header when asked.
 */
import {
  AlignmentType,
  Footer,
  Header,
  ImageRun,
  LineRuleType,
  PageNumber,
  Paragraph,
  TableRow,
  Tab,
  TabStopType,
  TextRun,
  type ParagraphChild,
} from 'docx';
import { TextWatermark } from 'docx/watermarks';
import type { Furniture as LayoutFurniture } from '../../../core/render/furniture';
import type { Layout } from '../../../core/render/layout';
import { code39Png } from './barcode';
import { THIN } from './borders';
import { furnitureCell, furnitureTable } from './furniture-table';
import { pt, sizeOf, type Geometry } from './geometry';
import { S } from './styles';

export type HeadersAndFooters = {
  headers: { first: Header; default: Header; even: Header };
  footers: { first: Footer; default: Footer; even: Footer };
};

function watermark(text: string | undefined, font: string): Paragraph[] {
  if (text === undefined) return [];
  return [new Paragraph({ style: S.furniture, children: [new TextWatermark({ text, font, color: 'C0C0C0', opacity: 0.5 })] })];
}

const fp = (children: ParagraphChild[], extra: Partial<ConstructorParameters<typeof Paragraph>[0] & object> = {}) => new Paragraph({ style: S.furniture, children, ...extra });

/** "2/13": this page / total pages, as fields. */
function pageOfPages(g: Geometry): TextRun {
  return new TextRun({ bold: true, size: sizeOf(g.points.style.furniture), children: [PageNumber.CURRENT, '/', PageNumber.TOTAL_PAGES] });
}

/** The symbol(s) at the outer edge over a thin rule; joint documents stack both symbols. */
function symbolHeader(symbols: string[], align: 'left' | 'right', extra: Paragraph[], g: Geometry): Header {
  const children = symbols.map((s, i) =>
    fp([new TextRun({ text: s, bold: true, size: sizeOf(g.points.style.furniture) })], {
      alignment: align === 'left' ? AlignmentType.LEFT : AlignmentType.RIGHT,
      ...(i === symbols.length - 1 ? { border: { bottom: { ...THIN, space: 1 } } } : {}),
    }),
  );
  return new Header({ children: [...extra, ...children] });
}

/** Page number at the outer edge, job number at the inner edge. */
function numberFooter(g: Geometry, job: string | undefined, outer: 'left' | 'right'): Footer {
  const jobRun = job ? [new TextRun({ text: job, size: sizeOf(g.points.style.furniture) })] : [];
  const tab = new TextRun({ children: [new Tab()] });
  const children: ParagraphChild[] = outer === 'right' ? [...jobRun, tab, pageOfPages(g)] : [pageOfPages(g), tab, ...jobRun];
  return new Footer({ children: [fp(children, { tabStops: [{ type: TabStopType.RIGHT, position: g.frameWidth }] })] });
}

/** Page 1: "17-02619 (F)    220217", the barcode under it; "Merci de recycler" at the right. */
function firstFooter(job: LayoutFurniture['job'], g: Geometry): Footer {
  if (!job) return new Footer({ children: [fp([])] });
  // Two em spaces: the gap issued documents show between the job number and the date stamp.
  const stamp = `${job.line}${job.dateStamp ? `\u2003\u2003${job.dateStamp}` : ''}`;
  const code = code39Png(job.barcode, 24);
  const stampSize = sizeOf(g.points.style.stamp);
  // 2 px per narrow module drawn at 0.5 pt: a barcode about 1.8 in wide, 0.25 in high.
  const barcode = new ImageRun({ type: 'png', data: code.png, transformation: { width: Math.round((code.width * 0.5 * 96) / 72), height: 24 } });
  const left = g.frameWidth / 2;
  const cell = (children: Paragraph[], width: number) => furnitureCell(children, width, 'bottom');
  const table = furnitureTable(
    [left, g.frameWidth - left],
    [
      new TableRow({
        children: [
          cell([fp([new TextRun({ text: stamp, size: stampSize })], { spacing: { after: pt(3) } }), fp([barcode], { spacing: { line: 240, lineRule: LineRuleType.AUTO } })], left),
          cell(
            [
              fp([new TextRun({ text: `${job.recycle}\u2002`, size: stampSize }), new TextRun({ text: '\u2672', size: 2 * stampSize, font: 'Segoe UI Symbol' })], {
                alignment: AlignmentType.RIGHT,
                spacing: { line: 240, lineRule: LineRuleType.AUTO },
              }),
            ],
            g.frameWidth - left,
          ),
        ],
      }),
    ],
    { flush: true },
  );
  return new Footer({ children: [table, fp([])] });
}

export function furniture(layout: Layout, g: Geometry): HeadersAndFooters {
  const f = layout.furniture;
  const wm = () => watermark(f.watermark, g.points.font.family);
  if (g.points.profile !== 'issued') {
    const centred = () => new Footer({ children: [fp([new TextRun({ size: sizeOf(g.points.style.furniture), children: [PageNumber.CURRENT] })], { alignment: AlignmentType.CENTER })] });
    return {
      headers: { first: new Header({ children: [...wm(), fp([])] }), default: new Header({ children: [...wm(), fp([])] }), even: new Header({ children: [...wm(), fp([])] }) },
      footers: { first: new Footer({ children: [fp([])] }), default: centred(), even: centred() },
    };
  }
  const symbols = f.header;
  const job = f.job?.number;
  return {
    headers: {
      first: new Header({ children: [...wm(), fp([])] }),
      default: symbols.length > 0 ? symbolHeader(symbols, 'right', wm(), g) : new Header({ children: [...wm(), fp([])] }),
      even: symbols.length > 0 ? symbolHeader(symbols, 'left', wm(), g) : new Header({ children: [...wm(), fp([])] }),
    },
    footers: { first: firstFooter(f.job, g), default: numberFooter(g, job, 'right'), even: numberFooter(g, job, 'left') },
  };
}
