/**
 * Word runs of the comparison reshaped for the tracked-changes writer (revisions.ts):
 *  - a footnote whose words changed is one footnote, kept where it is, with its own words marked
 *    inside it (the comparison gives it as the old footnote deleted and the new one inserted,
 *    which Word would read as two footnotes);
 *  - a word whose formatting alone changed is written with its old formatting beside it
 *    (`w:rPrChange`), cut where the old formatting changes;
 *  - a title (layout spans) is compared as words.
 */
import type { FootnoteRun, Inline, Mark } from '../../../core/model/schema';
import type { WordRun } from '../../../core/compare/types';
import type { Span } from '../../../core/render/spans';

/** A footnote of the new version whose words changed: its old and new content. */
export type FootnoteEdit = { old: FootnoteRun; new: FootnoteRun };

const footnotesIn = (content: Inline[]) => content.filter((c): c is FootnoteRun => c.type === 'footnote');

/** Content before and after its one footnote. */
function around(content: Inline[]): [Inline[], FootnoteRun, Inline[]] {
  const at = content.findIndex((c) => c.type === 'footnote');
  return [content.slice(0, at), content[at] as FootnoteRun, content.slice(at + 1)];
}

const part = (op: 'delete' | 'insert', content: Inline[]): WordRun[] => (content.length > 0 ? [{ op, content, text: '' }] : []);

/**
 * A deletion next to an insertion, each holding one footnote: the words around the footnote as
 * they were (deleted, inserted), and the footnote once, kept (`equal`), its edit listed.
 */
export function keepFootnotes(runs: WordRun[]): { runs: WordRun[]; edits: FootnoteEdit[] } {
  const out: WordRun[] = [];
  const edits: FootnoteEdit[] = [];
  for (let i = 0; i < runs.length; i++) {
    const [a, b] = [runs[i]!, runs[i + 1]];
    const pair = b && !a.paragraphBreak && !b.paragraphBreak && ((a.op === 'delete' && b.op === 'insert') || (a.op === 'insert' && b.op === 'delete'));
    if (!pair || footnotesIn(a.content).length !== 1 || footnotesIn(b.content).length !== 1) {
      out.push(a);
      continue;
    }
    const [del, ins] = a.op === 'delete' ? [a, b] : [b, a];
    const [d0, dn, d1] = around(del.content);
    const [i0, inew, i1] = around(ins.content);
    out.push(...part('delete', d0), ...part('insert', i0), { op: 'equal', content: [inew], text: '' }, ...part('delete', d1), ...part('insert', i1));
    edits.push({ old: dn, new: inew });
    i++;
  }
  if (edits.length === 0) return { runs, edits };
  // unchanged words next to each other are one run: a footnote indicator then takes its place beside the punctuation (spans.ts)
  const merged: WordRun[] = [];
  for (const r of out) {
    const last = merged[merged.length - 1];
    if (last && last.op === 'equal' && r.op === 'equal' && !last.paragraphBreak && !r.paragraphBreak) merged[merged.length - 1] = { ...last, content: [...last.content, ...r.content], text: last.text + r.text };
    else merged.push(r);
  }
  return { runs: merged, edits };
}

export type SpanMarks = { bold: boolean; italic: boolean; superscript: boolean };
const marksOfSpan = (s: Span): SpanMarks => ({ bold: !!s.bold, italic: !!s.italic, superscript: !!s.superscript });

/** The new spans of a `format` run, cut where the old spans' formatting changes, each with its old formatting. */
export function formatPieces(now: Span[], was: Span[]): { span: Span; old: SpanMarks }[] {
  // the same text on both sides: old formatting by character
  const oldAt: SpanMarks[] = [];
  for (const s of was) for (let k = 0; k < s.text.length; k++) oldAt.push(marksOfSpan(s));
  const same = (x: SpanMarks, y: SpanMarks) => x.bold === y.bold && x.italic === y.italic && x.superscript === y.superscript;
  const out: { span: Span; old: SpanMarks }[] = [];
  let at = 0;
  for (const s of now) {
    if (s.footnote || s.xref) {
      out.push({ span: s, old: oldAt[at] ?? marksOfSpan(s) });
      at += s.text.length;
      continue;
    }
    let from = 0;
    for (let k = 1; k <= s.text.length; k++) {
      const here = oldAt[at + from] ?? marksOfSpan(s);
      if (k === s.text.length || !same(oldAt[at + k] ?? marksOfSpan(s), here)) {
        out.push({ span: { ...s, text: s.text.slice(from, k) }, old: here });
        from = k;
      }
    }
    at += s.text.length;
  }
  return out;
}

/** Layout spans as inline text, for comparing titles word by word. */
export function spansAsInline(spans: Span[]): Inline[] {
  return spans.map((s) => {
    const marks: Mark[] = [...(s.bold ? ['bold' as const] : []), ...(s.italic ? ['italic' as const] : []), ...(s.superscript ? ['superscript' as const] : [])];
    return marks.length > 0 ? { type: 'text' as const, text: s.text, marks } : { type: 'text' as const, text: s.text };
  });
}
