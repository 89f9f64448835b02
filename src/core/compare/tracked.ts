/**
 * A returned file's own tracked changes (Word's or LibreOffice's `w:ins` / `w:del` and
 * `w:moveFrom` / `w:moveTo`, with author and date), put on the block changes they explain: the comparison then lists them as theirs.
 * The file's text is read with the changes accepted; each tracked paragraph is found by that
 * text among the new version's changed blocks (a paragraph deleted whole, by its deleted text).
 */
import type { BlockChange, CompareResult, TrackedChange, TrackedParagraph } from './types';

export const norm = (s: string) =>
  s
    .replace(/[’‘]/g, "'")
    .replace(/[\s\u00a0\u202f]+/g, ' ')
    .trim();

/** The same paragraph: its text, or its text after a typed number ("12.\t…"). */
export const samePara = (para: string, block: string) => block !== '' && (para === block || (para.endsWith(` ${block}`) && block.length >= para.length * 0.8));

export function attributeTracked(result: CompareResult, tracked: TrackedParagraph[]): CompareResult {
  if (tracked.length === 0) return result;
  const gone = (p: TrackedParagraph, kind: TrackedChange['kind']) => norm(p.changes.filter((c) => c.kind === kind).map((c) => c.text).join(''));
  const open = tracked.map((p) => ({ text: norm(p.text), deleted: gone(p, 'delete'), movedAway: gone(p, 'moveFrom'), changes: p.changes, used: false }));
  const take = (test: (p: (typeof open)[number]) => boolean): TrackedChange[] => {
    const p = open.find((x) => !x.used && test(x));
    if (!p) return [];
    p.used = true;
    return p.changes;
  };
  const blocks = result.blocks.map((c): BlockChange => {
    let found: TrackedChange[] = [];
    if (c.op === 'deleted') {
      const old = norm(c.old.text ?? '');
      found = take((p) => p.text === '' && samePara(p.deleted, old));
    } else if (c.op !== 'renumbered') {
      for (const b of c.op === 'split' ? c.new : [c.new]) {
        const text = norm(b.text ?? '');
        found = [...found, ...take((p) => samePara(p.text, text))];
      }
      // a moved block: also the place it was moved from, a paragraph left empty
      if (c.op === 'moved' || (c.op === 'changed' && c.moved)) {
        const old = norm(c.old.text ?? '');
        found = [...take((p) => p.text === '' && samePara(p.movedAway, old)), ...found];
      }
    }
    return found.length > 0 ? { ...c, tracked: found } : c;
  });
  return { ...result, blocks };
}
