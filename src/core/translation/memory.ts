/**
 * Translation memory, the part that is language rules rather than storage: which blocks of a
 * dossier form a bitext (the same block in both languages, neither side outdated), and how close
 * a memory's source text is to the text being translated (a percentage from the word-level
 * difference the comparison shows, so the words that differ are the ones marked).
 */
import type { Lang, RDocument } from '../model/schema';
import { textHash } from '../model/hash';
import type { WordRun } from '../compare/types';
import { plainWords } from './terms';
import { normaliseText as normalise, textDiff } from './textDiff';
import { walkDocument } from '../model/walk';
import { numberDocument } from '../numbering/numbering';

export type Segment = { blockId: string; fr: string; en: string; label: string };

/**
 * The block pairs of a dossier a translator can reuse: both languages have words, and the side
 * that records a source hash matches the other side as it reads now (an outdated translation is
 * not offered). Labels are the French ones ("12.", "a)"), for "where it comes from".
 */
export function bitextSegments(doc: RDocument): Segment[] {
  const fr = doc.text.fr;
  const en = doc.text.en;
  if (!fr || !en) return [];
  const n = numberDocument(doc, 'fr');
  const out: Segment[] = [];
  const visit = (id: string) => {
    const a = fr[id];
    const b = en[id];
    if (!a || !b) return;
    if (a.sourceHash !== undefined && a.sourceHash !== textHash(b)) return;
    if (b.sourceHash !== undefined && b.sourceHash !== textHash(a)) return;
    const tf = normalise(plainWords(a.content));
    const te = normalise(plainWords(b.content));
    if (tf === '' || te === '') return;
    out.push({ blockId: id, fr: tf, en: te, label: n.blocks.get(id)?.label ?? n.parts.get(id)?.label ?? '' });
  };
  walkDocument(doc, { part: (p) => visit(p.id), block: (b) => visit(b.id) });
  return out;
}

const WORD = /[\p{L}\p{N}]+/gu;
const words = (s: string) => (s.match(WORD) ?? []).length;

export type MatchScore = {
  /** 100 for the same text; else the share of words the two texts have in common, in order. */
  percent: number;
  /** From the memory's source (delete) to the text being translated (insert). */
  runs: WordRun[];
};

/** How close a memory's source text is to the text being translated, with the differing words. */
export function matchScore(memorySource: string, current: string, lang: Lang): MatchScore {
  const a = normalise(memorySource);
  const b = normalise(current);
  const runs = textDiff(a, b, lang);
  if (a === b) return { percent: 100, runs };
  const total = words(a) + words(b);
  const equal = runs.filter((r) => r.op === 'equal').reduce((n, r) => n + words(r.text), 0);
  // Never 100 unless identical: a difference in punctuation or case alone is 99.
  const percent = total === 0 ? 0 : Math.min(99, Math.floor((200 * equal) / total));
  return { percent, runs };
}
