/**
 * What the checker says, without words: a severity, a stable code (worded in
 * locales/{en,fr}/checker.json), where it is, and its parameters.
 */
import type { Lang, RDocument } from '../model/schema';
import type { Numbering } from '../numbering/numbering';

export type Severity = 'error' | 'warning' | 'info';

/** Every code the checker can emit (each has a message in locales/{en,fr}/checker.json). */
export const FINDING_CODES = [
  'section-without-b',
  'subsection-without-second',
  'subparagraph-without-b',
  'numbered-paragraph-in-letter',
  'numbered-paragraph-in-statement',
  'xref-target-missing',
  'xref-target-unnumbered',
  'symbol-missing',
  'symbol-malformed',
  'symbol-count',
  'symbol-organ-mismatch',
  'letter-date-missing',
  'letter-date-after-issue',
  'date-format',
  'date-invalid',
  'meeting-missing',
  'meeting-item-missing',
  'addressee-missing',
  'addressee-duplicate',
  'identical-letters-single-addressee',
  'sender-missing',
  'sender-country-missing',
  'country-unknown',
  'signature-missing',
  'signatory-placeholder',
  'fr-missing-space',
  'fr-nbsp-missing',
  'en-space-before-punctuation',
  'straight-quotes',
  'word-limit',
  'word-count-secretariat-limit',
  'annex-announced-missing',
  'annex-not-mentioned',
  'annex-count-mismatch',
  'enclosure-announced-missing',
  'enclosure-not-mentioned',
  'placeholder-left',
  'empty-block',
  'document-empty',
  'original-text-absent',
  'council-year-not-printed',
  'translation-missing',
  'translation-outdated',
  'glossary-term-missing',
] as const;
export type FindingCode = (typeof FINDING_CODES)[number];

export type Finding = {
  severity: Severity;
  code: FindingCode;
  blockId?: string;
  partId?: string;
  /** The text layer the finding is about, for language-specific findings. */
  lang?: Lang;
  params: Record<string, string | number>;
};

/** What a rule on one text layer reads besides the document: the layer's numbering, and whether it is the main layer. */
export type Layer = { n: Numbering; main: boolean };

/** A rule on the document as a whole (structure, metadata), read once, with the structure's numbering. */
export type DocumentRule = (doc: RDocument, out: Finding[], n: Numbering) => void;

/** A rule on one text layer, run for each language checked. */
export type LayerRule = (doc: RDocument, lang: Lang, out: Finding[], layer: Layer) => void;

/** About 40 characters of `text` around `at`, for a finding to quote. */
export function excerpt(text: string, at: number): string {
  const start = Math.max(0, at - 20);
  const end = Math.min(text.length, at + 20);
  return `${start > 0 ? '…' : ''}${text.slice(start, end).trim()}${end < text.length ? '…' : ''}`;
}
