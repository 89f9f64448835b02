/**
 * The word count the Editorial Manual limits (8,500 words for Secretariat reports, 10,700 for
 * other originators, footnotes included): the document as a reader sees it in one language —
 * titles, headings, generated wording, blocks with their labels — plus its footnotes, for the
 * whole document and per part. The checker's `word-limit` findings read the same count.
 */
import type { PartKind, Lang, RDocument } from '../model/schema';
import { countWords } from '../model/versions';
import { numberDocument, type Numbering } from '../numbering/numbering';
import { documentLinesByPart, inlineText } from '../render/text';

/** Word limits of the Editorial Manual, footnotes included. */
export const WORD_LIMITS = { secretariat: 8500, other: 10700 } as const;

export type PartWordCount = {
  partId: string;
  kind: PartKind;
  /** "Annexe II", "Annex" (annexes and enclosures); none for a letter or a body. */
  label?: string;
  /** How deep the part sits (0: a letter or a body; 1: its annex…). */
  depth: number;
  words: number;
  /** The part's footnotes' share of `words`. */
  footnotes: number;
};

export type WordCount = { lang: Lang; total: number; footnotes: number; parts: PartWordCount[] };

export function wordCount(doc: RDocument, lang: Lang, n: Numbering = numberDocument(doc, lang)): WordCount {
  const byPart = new Map<string, PartWordCount>();
  const depthOf = new Map<string, number>();
  const visit = (parts: RDocument['parts'], depth: number) => {
    for (const p of parts) {
      depthOf.set(p.id, depth);
      visit(p.parts, depth + 1);
    }
  };
  visit(doc.parts, 0);
  const parts: PartWordCount[] = documentLinesByPart(doc, lang, n).map(({ part, lines }) => {
    const label = n.parts.get(part.id)?.label;
    const entry: PartWordCount = { partId: part.id, kind: part.kind, ...(label ? { label } : {}), depth: depthOf.get(part.id) ?? 0, words: 0, footnotes: 0 };
    for (const line of lines) entry.words += countWords(line);
    byPart.set(part.id, entry);
    return entry;
  });
  for (const [id, t] of Object.entries(doc.text[lang] ?? {})) {
    const entry = byPart.get(n.partOf.get(id) ?? id);
    for (const r of t.content) {
      if (r.type !== 'footnote') continue;
      const words = countWords(inlineText(r.content, n));
      if (entry) {
        entry.words += words;
        entry.footnotes += words;
      }
    }
  }
  return { lang, total: parts.reduce((s, p) => s + p.words, 0), footnotes: parts.reduce((s, p) => s + p.footnotes, 0), parts };
}
