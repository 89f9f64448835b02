/**
 * What the checker says, without words: a severity, a stable code (worded in
 * locales/{en,fr}/checker.json), where it is, and its parameters.
 */
import type { Lang } from '../model/schema';

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
