/**
 * The borderless tables the page furniture is laid out in (the first page's footer, the
 * masthead, the session columns of a joint document): fixed columns in twips, no rules but the
 * one a cell draws under itself.
 */
import { Table, TableCell, TableLayoutType, TableRow, VerticalAlignTable, WidthType, type IBorderOptions, type Paragraph } from 'docx';
import { NO_BORDERS, NONE } from './borders';

/** A cell `width` twips wide, aligned to its top or bottom, with `bottom` as its only rule. */
export function furnitureCell(children: Paragraph[], width: number, align: 'top' | 'bottom', bottom: IBorderOptions = NONE): TableCell {
  return new TableCell({
    children,
    width: { size: width, type: WidthType.DXA },
    verticalAlign: align === 'top' ? VerticalAlignTable.TOP : VerticalAlignTable.BOTTOM,
    borders: { top: NONE, left: NONE, right: NONE, bottom },
  });
}

/** A table of fixed columns (twips) without rules; `indent` moves it in, `flush` sets the cells' margins to 0. */
export function furnitureTable(columnWidths: number[], rows: TableRow[], place: { indent?: number; flush: boolean }): Table {
  return new Table({
    width: { size: columnWidths.reduce((a, b) => a + b, 0), type: WidthType.DXA },
    columnWidths,
    ...(place.indent !== undefined ? { indent: { size: place.indent, type: WidthType.DXA } } : {}),
    layout: TableLayoutType.FIXED,
    borders: NO_BORDERS,
    ...(place.flush ? { margins: { top: 0, bottom: 0, left: 0, right: 0 } } : {}),
    rows,
  });
}
