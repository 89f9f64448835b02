/**
 * The word-level difference of two plain texts (no cross-references or footnotes of their own:
 * the memory's segments, the source text a translation was made from), through the comparison's
 * one word diff (core/compare/words), so the words marked are cut the same way everywhere.
 */
import type { Inline, Lang } from '../model/schema';
import { diffWords } from '../compare/words';
import type { WordRun } from '../compare/types';
import { plainWords } from './terms';

/** Spaces of any kind and length as one, none at the ends. */
export const normaliseText = (s: string): string => s.replace(/\s+/g, ' ').trim();

/** A block's words as the plain text compared here (a reference is a space, a note's words stay). */
export const plainText = (content: readonly Inline[]): string => normaliseText(plainWords(content));

const view = (lang: Lang) => ({
  // Plain text holds no reference to number: the numbering is never read.
  numbering: { lang, blocks: new Map(), parts: new Map(), footnotes: new Map(), partOf: new Map() },
  partId: undefined,
});
const asContent = (s: string): Inline[] => [{ type: 'text', text: s }];

/** From `before` (delete) to `after` (insert), both normalised first. */
export function textDiff(before: string, after: string, lang: Lang): WordRun[] {
  return diffWords([asContent(normaliseText(before))], [asContent(normaliseText(after))], () => undefined, view(lang), view(lang));
}
