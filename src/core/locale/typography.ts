/**
 * French typography applied when rendering: text is stored with ordinary spaces, and the
 * no-break spaces French requires are put in by setting, so a document can follow New York
 * practice (no-break space before ":", narrow no-break space before "; ! ?") or use no-break
 * spaces throughout, and switching is lossless.
 */
import type { FrenchSpacing } from '../model/schema';

export const NBSP = '\u00a0';
export const NNBSP = '\u202f';

/**
 * Replaces the ordinary space (or missing space) around French high punctuation and guillemets
 * with the right no-break space. Leaves URLs, times ("10:30") and numbers untouched because it
 * only acts where a space is typed or where « » meet a word.
 */
export function applyFrenchSpacing(text: string, mode: FrenchSpacing): string {
  if (mode === 'off') return text;
  const narrow = mode === 'new-york' ? NNBSP : NBSP;
  return text
    .replace(/[ \u00a0\u202f]+:/g, `${NBSP}:`)
    .replace(/[ \u00a0\u202f]+([;!?])/g, `${narrow}$1`)
    .replace(/«[ \u00a0\u202f]*/g, `«${NBSP}`)
    .replace(/[ \u00a0\u202f]*»/g, `${NBSP}»`);
}

/** Undoes applyFrenchSpacing (for editing and comparing): every no-break space becomes a space. */
export function plainSpaces(text: string): string {
  return text.replace(/[\u00a0\u202f]/g, ' ');
}

/** The typographic apostrophe, as issued documents print it. */
export function curlyApostrophes(text: string): string {
  return text.replace(/(\p{L})'(?=\p{L})/gu, '$1’');
}
