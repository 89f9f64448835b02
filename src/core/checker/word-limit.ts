/**
 * The checker's rule on length: the Editorial Manual's word limits (footnotes included), and the
 * count itself as a reader sees the document.
 */
import type { Lang, RDocument } from '../model/schema';
import { countWords } from '../model/versions';
import type { Numbering } from '../numbering/numbering';
import { documentLines, inlineText } from '../render/text';
import type { Finding, Layer } from './findings';

/** Word limits of the Editorial Manual, footnotes included. */
export const WORD_LIMITS = { secretariat: 8500, other: 10700 } as const;

/** Words of the document in a language as a reader sees it: titles, generated text, blocks and footnotes. */
export function documentWordCount(doc: RDocument, n: Numbering): number {
  let count = 0;
  for (const line of documentLines(doc, n.lang, n)) count += countWords(line);
  const layer = doc.text[n.lang];
  if (layer) {
    for (const t of Object.values(layer)) {
      for (const r of t.content) if (r.type === 'footnote') count += countWords(inlineText(r.content, n));
    }
  }
  return count;
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
