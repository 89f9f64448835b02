/**
 * What changed in the source of an outdated row: the source text the translation was made from
 * (`sourceText`, recorded beside its hash when the row was translated or marked still correct)
 * against the source as it reads now, word by word, with the long unchanged stretches cut to a
 * few words of context so the translator reads the change, not the paragraph again.
 */
import type { Lang, RDocument } from '../model/schema';
import type { WordRun } from '../compare/types';
import { rowStatus } from './status';
import { plainText, textDiff } from './textDiff';

/** Words of unchanged text kept on each side of a change. */
const CONTEXT_WORDS = 6;
const WORD = /[\p{L}\p{N}]+/gu;

/**
 * The source's word changes since the translation of row `id` was made: undefined unless the row
 * is outdated and its translation recorded the source text (one made before that was recorded
 * knows only the hash: the row says the source changed, not how).
 */
export function sourceChanges(doc: RDocument, id: string, source: Lang, target: Lang): WordRun[] | undefined {
  const then = doc.text[target]?.[id]?.sourceText;
  if (then === undefined || rowStatus(doc, id, source, target) !== 'outdated') return undefined;
  return textDiff(then, plainText(doc.text[source]?.[id]?.content ?? []), source);
}

/** Cuts `text` to its first (`keep` 'start') or last `n` words, marking the cut with an ellipsis. */
function cut(text: string, n: number, keep: 'start' | 'end'): string {
  const words = [...text.matchAll(WORD)];
  if (words.length <= n) return text;
  if (keep === 'start') return `${text.slice(0, words[n - 1]!.index + words[n - 1]![0].length)} …`;
  return `… ${text.slice(words[words.length - n]!.index)}`;
}

/**
 * `runs` with each unchanged stretch cut to `context` words next to the changes around it (a
 * stretch between two changes keeps both ends); the changes themselves are kept whole.
 */
export function condenseChanges(runs: readonly WordRun[], context = CONTEXT_WORDS): WordRun[] {
  return runs.map((r, i) => {
    if (r.op !== 'equal') return r;
    const before = i > 0;
    const after = i < runs.length - 1;
    let text: string;
    if (before && after) {
      const words = [...r.text.matchAll(WORD)];
      text = words.length <= 2 * context ? r.text : `${cut(r.text, context, 'start')} ${cut(r.text, context, 'end')}`.replace('… …', '…');
    } else if (after) text = cut(r.text, context, 'end');
    else if (before) text = cut(r.text, context, 'start');
    else text = r.text;
    return text === r.text ? r : { ...r, text, content: [{ type: 'text', text }] };
  });
}
