/**
 * Table column widths from their content, as one rule for every output (the DOCX export and the
 * HTML print view read it): no word is ever broken across lines, a column of short entries (the
 * dates of seed 000's meetings table: « 3 novembre », « 27 juillet ») is as wide as its longest
 * entry, and the columns of running text share what is left in proportion to how much they hold.
 *
 * It is the automatic table layout of browsers and word processors, made explicit so that both
 * outputs agree: each column has a minimum (its longest word) and a natural width (its longest
 * paragraph on one line).
 *  1. Everything fits on one line: natural widths, the spare room shared in proportion.
 *  2. Otherwise, a column whose natural width is within an equal share of what is left gets it
 *     (repeatedly, narrowest first); the other columns get their minimum plus a share of the rest
 *     in proportion to how much they would grow.
 *  3. If even the minimums do not fit, they are scaled down together (no layout can then avoid
 *     breaking a word).
 */
import type { LayoutBlock } from './layout';
import { textWidth } from './metrics';
import { spansText } from './spans';
import { blockSpans, eachLayoutBlock } from './traverse';

/** What sizing reads of a table (the layout fills in `columns` from it). */
type TableBlock = Pick<Extract<LayoutBlock, { type: 'table' }>, 'rows' | 'headerRows'>;

export type ColumnMetrics = {
  /** Font size of body cells and of header cells, in points. */
  bodySize: number;
  headSize: number;
  /** Left + right padding inside a cell, in points. */
  padding: number;
};

/** Estimates carry a small margin, so a word measured to fit does fit in the real font. */
const SAFETY = 1.04;

type Need = { min: number; natural: number };

/** The lines of a cell as a reader sees them: one per paragraph (labels included), with its boldness. */
function cellLines(blocks: LayoutBlock[]): { text: string; bold: boolean }[] {
  const out: { text: string; bold: boolean }[] = [];
  eachLayoutBlock(blocks, (b) => {
    const label = 'label' in b && b.label ? `${b.label} ` : '';
    for (const spans of blockSpans(b)) {
      const bold = spans.some((s) => s.bold) || b.type === 'heading';
      for (const line of (label + spansText(spans)).split('\n')) out.push({ text: line, bold });
    }
  });
  return out;
}

function cellNeed(blocks: LayoutBlock[], size: number): Need {
  let min = 0;
  let natural = 0;
  for (const line of cellLines(blocks)) {
    natural = Math.max(natural, textWidth(line.text.trim(), size, line.bold));
    for (const word of line.text.split(/[ \t]+/)) min = Math.max(min, textWidth(word, size, line.bold));
  }
  return { min: min * SAFETY, natural: natural * SAFETY };
}

/** Widths in points, one per column, summing to `available`. */
export function tableColumnWidths(table: TableBlock, available: number, m: ColumnMetrics): number[] {
  const columns = Math.max(1, ...table.rows.map((r) => r.cells.length));
  const needs: Need[] = Array.from({ length: columns }, () => ({ min: 0, natural: 0 }));
  table.rows.forEach((row, ri) => {
    const size = ri < table.headerRows ? m.headSize : m.bodySize;
    row.cells.forEach((cell, c) => {
      const n = cellNeed(cell.blocks, size);
      needs[c]!.min = Math.max(needs[c]!.min, n.min);
      needs[c]!.natural = Math.max(needs[c]!.natural, n.natural);
    });
  });
  // An empty column still gets a little room; padding comes on top of the text.
  const min = needs.map((n) => Math.max(n.min, m.bodySize) + m.padding);
  const natural = needs.map((n, c) => Math.max(n.natural + m.padding, min[c]!));
  return distribute(min, natural, available);
}

function sum(xs: number[]): number {
  return xs.reduce((a, x) => a + x, 0);
}

function distribute(min: number[], natural: number[], available: number): number[] {
  if (sum(natural) <= available) {
    const spare = available - sum(natural);
    const total = sum(natural);
    return natural.map((w) => w + (spare * w) / total);
  }
  if (sum(min) >= available) return min.map((w) => (w * available) / sum(min));
  const widths: (number | undefined)[] = natural.map(() => undefined);
  let left = available;
  for (;;) {
    const open = widths.flatMap((w, c) => (w === undefined ? [c] : []));
    const share = left / open.length;
    const fits = open.filter((c) => natural[c]! <= share);
    if (fits.length === 0 || fits.length === open.length) break;
    for (const c of fits) {
      widths[c] = natural[c]!;
      left -= natural[c]!;
    }
  }
  let open = widths.flatMap((w, c) => (w === undefined ? [c] : []));
  // Columns given their natural width must leave the others at least their minimum.
  if (sum(open.map((c) => min[c]!)) > left) {
    widths.fill(undefined);
    left = available;
    open = widths.map((_, c) => c);
  }
  const floor = sum(open.map((c) => min[c]!));
  const growth = sum(open.map((c) => natural[c]! - min[c]!));
  for (const c of open) widths[c] = min[c]! + (growth > 0 ? ((left - floor) * (natural[c]! - min[c]!)) / growth : (left - floor) / open.length);
  return widths.map((w) => w!);
}
