/**
 * The checker's rule on length: the Editorial Manual's word limits (footnotes included), and the
 * count itself as a reader sees the document.
 */
import type { Lang, RDocument } from '../model/schema';
import type { Numbering } from '../numbering/numbering';
import type { Finding, Layer } from './findings';
import { WORD_LIMITS, wordCount } from './wordcount';

/** Words of the document in a language as a reader sees it (./wordcount.ts counts them, per part too). */
export function documentWordCount(doc: RDocument, n: Numbering): number {
  return wordCount(doc, n.lang, n).total;
}

/** A document over the Editorial Manual's limits. */
export function checkWordCount(doc: RDocument, lang: Lang, out: Finding[], { n }: Layer): void {
  if (!doc.text[lang]) return;
  const count = documentWordCount(doc, n);
  if (count > WORD_LIMITS.other) {
    out.push({ severity: 'error', code: 'word-limit', lang, params: { count, limit: WORD_LIMITS.other } });
  } else if (count > WORD_LIMITS.secretariat) {
    out.push({ severity: 'info', code: 'word-count-secretariat-limit', lang, params: { count, limit: WORD_LIMITS.secretariat } });
  }
}
