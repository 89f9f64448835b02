/**
 * Reading a layout: every block in reading order, the text a block shows, a part's footnotes.
 * The renderers, the warnings and the column sizing all read a layout through these, so they
 * agree on what a part contains.
 */
import type { Layout, LayoutBlock, LayoutPart, LayoutSignatureLine } from './layout';
import type { Span } from './spans';

/** Every block of `blocks` in reading order, a container before its contents (table cells row by row). */
export function eachLayoutBlock(blocks: LayoutBlock[], visit: (block: LayoutBlock) => void): void {
  for (const b of blocks) {
    visit(b);
    if (b.type === 'table') for (const r of b.rows) for (const c of r.cells) eachLayoutBlock(c.blocks, visit);
    if (b.type === 'quote' || b.type === 'participants') eachLayoutBlock(b.blocks, visit);
  }
}

/** The runs of text a block itself shows (a signature's lines one by one; none for a container). */
export function blockSpans(b: LayoutBlock): Span[][] {
  if ('spans' in b) return [b.spans];
  if (b.type === 'signature') return b.signatories.flatMap((s) => s.lines.map(signatureLineSpans));
  return [];
}

/** A signature line as an issued document prints it: "(Signé) Paul Duclos", or the title. */
export function signatureLineSpans(line: LayoutSignatureLine): Span[] {
  if (line.kind === 'title') return line.spans;
  const [first, ...rest] = line.name;
  return first ? [line.signed, { ...first, text: ` ${first.text}` }, ...rest] : [line.signed];
}

/** The footnotes referenced in a part (its title and blocks, tables and quotes included), in order. */
export function partFootnotes(part: LayoutPart): Layout['footnotes'] {
  const out: Layout['footnotes'] = [];
  const collect = (spans: Span[]) => {
    for (const s of spans) if (s.footnote) out.push(s.footnote);
  };
  collect(part.title);
  eachLayoutBlock(part.blocks, (b) => blockSpans(b).forEach(collect));
  return out;
}
