/**
 * The tables stage: a source table as a table block (rows padded to the widest), and a table
 * whose columns PDF extraction flattened into paragraphs (a row of column heads, then rows that
 * start with a date), rebuilt row by row and reported for checking.
 */
import type { Inline } from '../../model/schema';
import type { SourceParagraph, SourceRun, SourceTable } from '../source';
import { lineText, paragraphRuns, runsText } from '../source';
import { canon, DAY_MONTH_START, parseAnnexHeading } from '../phrases';
import { readLabel } from './labels';
import { sliceRuns, STRONG_TERMINAL, words } from './runs';
import { inlines, target, unsureAt } from './emit';
import type { Reading } from './state';

export function table(r: Reading, t: SourceTable): void {
  r.participants = undefined;
  const part = target(r);
  const rows = t.rows.map((cells) =>
    cells.map((paras) => ({ paras: paras.map((cp) => inlines(r, paragraphRuns(cp))).filter((x) => x.length > 0) })),
  );
  const width = Math.max(1, ...rows.map((row) => row.length));
  for (const row of rows) while (row.length < width) row.push({ paras: [] });
  r.b.table(r.quote ? r.quote.blocks : part, rows, Math.min(t.headerRows, rows.length));
}

/** A table whose columns PDF extraction flattened into paragraphs: rebuilt row by row. */
export function flatTable(r: Reading, p: SourceParagraph, index: number): number {
  if (p.lines.length !== 1) return 0;
  const raw = lineText(p.lines[0]!).trim();
  const rawWithSpaces = p.lines[0]!.raw ?? raw;
  if (STRONG_TERMINAL.test(raw) || readLabel(raw)) return 0;
  let heads = rawWithSpaces.trim().split(/\s{2,}/);
  if (heads.length < 3) {
    const single = raw.split(/\s+/);
    if (single.length >= 2 && single.length <= 6 && single.every((w) => /^[\p{Lu}]/u.test(w))) heads = single;
  }
  if (heads.length < 2 || heads.length > 6 || heads.some((h) => words(h) > 3)) return 0;
  const next = r.source[index + 1];
  if (!next || next.type !== 'para' || !DAY_MONTH_START.test(runsText(paragraphRuns(next)).trim())) return 0;

  // rows: each starts with a date; the row's other paragraphs fill the other columns
  type Row = { key: string; paras: SourceRun[][] };
  const rows: Row[] = [];
  let k = index + 1;
  for (; k < r.source.length; k++) {
    const s = r.source[k]!;
    if (s.type !== 'para') break;
    const runs = paragraphRuns(s);
    const t = runsText(runs).trim();
    if (parseAnnexHeading(canon(t)) || (readLabel(t) && readLabel(t)!.label.kind !== 'bullet') || s.heading !== undefined) break;
    const m = DAY_MONTH_START.exec(t);
    if (m) {
      const restRuns = sliceRuns(runs, runsText(runs).indexOf(m[1]!) + m[1]!.length);
      rows.push({ key: m[1]!, paras: runsText(restRuns).trim() === '' ? [] : [restRuns] });
    } else rows[rows.length - 1]!.paras.push(runs);
  }
  if (rows.length === 0) return 0;
  const n = heads.length;
  const table: { paras: Inline[][] }[][] = [heads.map((h) => ({ paras: [[{ type: 'text', text: h }]] }))];
  for (const row of rows) {
    const cells: SourceRun[][][] = Array.from({ length: n }, () => []);
    cells[0]!.push([{ type: 'text', text: row.key }]);
    if (n === 2) cells[1]!.push(...row.paras);
    else if (row.paras.length > 0) {
      cells[n - 1]!.push(row.paras[row.paras.length - 1]!);
      const middle = row.paras.slice(0, -1);
      middle.forEach((para, j) => cells[Math.min(1 + (n > 3 ? j : 0), n - 2)]!.push(para));
    }
    table.push(cells.map((paras) => ({ paras: paras.map((x) => inlines(r, x)).filter((x) => x.length > 0) })));
  }
  const block = r.b.table(target(r), table, 1);
  unsureAt(r, p, raw, `table of ${rows.length} rows rebuilt from text whose columns were flattened: check the cells`, 'table-rebuilt', { blockId: block.id, params: { rows: rows.length } });
  return k - index;
}
