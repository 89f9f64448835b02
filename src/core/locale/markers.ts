/**
 * Visible markers the outputs print, in the version's own language, where something the reader
 * should see is missing: a gap is shown, never left as silent blank space or a wrong number.
 */
import type { Lang } from '../model/schema';

/** A cross-reference whose target is gone or has no number. */
export const BROKEN_MARKER: Record<Lang, string> = { fr: '[renvoi introuvable]', en: '[reference not found]' };

/** A part title or block that has text in another language but none in this version. */
export const MISSING_TEXT_MARKER: Record<Lang, string> = { fr: '[texte français manquant]', en: '[English text missing]' };
