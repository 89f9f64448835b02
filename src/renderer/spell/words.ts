/**
 * The words of a text that a spell checker should look at, with their places in the text.
 * Left alone: anything with a digit (« 1er », "8838th", S/2017/138), acronyms in capitals
 * (ONU, MINUSMA, UNMISS), web and e-mail addresses, single letters (subparagraph labels).
 * A word keeps its inner apostrophes and hyphens (« aujourd’hui », « l’Organisation »,
 * "Secretary-General"): Hunspell's own rules decide those.
 */

export type WordRange = { start: number; end: number; word: string };

// Letters and combining marks, joined by an apostrophe (’ or ') or a hyphen between letters.
const WORD = /[\p{L}\p{M}]+(?:['’\u2011-][\p{L}\p{M}]+)*/gu;
// A run of non-spaces that is an address or carries a digit: none of its words is checked.
const SKIP_RUN = /\S*(?:\d|https?:\/\/|www\.|@)\S*/giu;

export function wordsToCheck(text: string): WordRange[] {
  const skipped: [number, number][] = [];
  for (const m of text.matchAll(SKIP_RUN)) skipped.push([m.index, m.index + m[0].length]);
  const out: WordRange[] = [];
  let s = 0;
  for (const m of text.matchAll(WORD)) {
    const start = m.index;
    const end = start + m[0].length;
    while (s < skipped.length && skipped[s]![1] <= start) s++;
    if (s < skipped.length && skipped[s]![0] < end) continue;
    const word = m[0];
    if ([...word].length < 2) continue;
    // An acronym, also after an elision (« l’UNMISS », « d’ONU-Femmes »).
    const afterElision = word.slice(Math.max(word.lastIndexOf('’'), word.lastIndexOf("'")) + 1);
    if (afterElision === afterElision.toUpperCase() && afterElision !== afterElision.toLowerCase()) continue;
    out.push({ start, end, word });
  }
  return out;
}
