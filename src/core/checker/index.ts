/**
 * The pre-submission checker: the mistakes the UN Editorial Manual warns about, found by the
 * machine before a Secretariat editor finds them.
 *
 * Pure: (document, language?) → findings. A finding carries a severity, a stable `code`, the
 * block or part it is about, and parameters; it carries no words. The wording lives in the
 * i18next resources `locales/{en,fr}/checker.json`, keyed by code, so the editor words it in the
 * interface language and the CLI in the language asked for.
 *
 * Severities: `error` — the document should not leave like this (a broken cross-reference, a
 * placeholder left from a template, a letter without addressee); `warning` — very probably a
 * mistake (a section A without B, a straight quote in French); `info` — worth knowing.
 *
 * One file per family of rules; this index lists them. A new family is a file and one line in
 * one of the two lists below.
 */
import type { Lang, RDocument } from '../model/schema';
import { LANGS } from '../model/schema';
import { numberDocument } from '../numbering/numbering';
import type { DocumentRule, Finding, LayerRule, Severity } from './findings';
import { checkAnnexMentions } from './mentions';
import { checkCouncilYear, checkMeetingItem, checkMeta, checkPeople, checkSymbols, checkVersions } from './meta';
import { checkNumberedInLetters, checkSubdivisions, checkXrefs } from './structure';
import { checkTextLayer } from './text';
import { checkWordCount } from './word-limit';
import { checkTranslation } from './translation';

export { FINDING_CODES, type Finding, type FindingCode, type Severity } from './findings';
export { documentWordCount } from './word-limit';
export { WORD_LIMITS, wordCount, type WordCount, type PartWordCount } from './wordcount';

/** Rules on the document as a whole: read once, with the numbering of the structure's language. */
const DOCUMENT_RULES: DocumentRule[] = [
  checkSubdivisions, // structure.ts
  checkNumberedInLetters, // structure.ts
  checkSymbols, // meta.ts
  checkMeta, // meta.ts
  checkPeople, // meta.ts
  checkCouncilYear, // meta.ts
  checkVersions, // meta.ts
];

/** Rules on one text layer: run for each language checked. */
const LAYER_RULES: LayerRule[] = [
  checkXrefs, // structure.ts
  checkTextLayer, // text.ts (and dates.ts)
  checkWordCount, // word-limit.ts
  checkAnnexMentions, // mentions.ts
  checkMeetingItem, // meta.ts
  checkTranslation, // translation.ts
];

const SEVERITY_ORDER: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

/**
 * Checks a document. With `lang`, the language-specific rules (typography, dates, placeholders,
 * word count, annex mentions) look at that text layer only; without it, at every layer present
 * (the original language's at least).
 */
export function checkDocument(doc: RDocument, lang?: Lang): Finding[] {
  // The text layers to read: those present (a French version of an English original may hold
  // only French). The main layer (for empty blocks) is the original's when present.
  const present = LANGS.filter((l) => doc.text[l] !== undefined);
  const langs: Lang[] = lang ? [lang] : present.length > 0 ? present : [doc.meta.originalLanguage];
  const mainLang = present.includes(doc.meta.originalLanguage) ? doc.meta.originalLanguage : (present[0] ?? doc.meta.originalLanguage);
  const structureLang = lang ?? mainLang;
  const out: Finding[] = [];
  const nStructure = numberDocument(doc, structureLang);

  for (const rule of DOCUMENT_RULES) rule(doc, out, nStructure);
  for (const l of langs) {
    const layer = { n: l === structureLang ? nStructure : numberDocument(doc, l), main: l === mainLang };
    for (const rule of LAYER_RULES) rule(doc, l, out, layer);
  }
  return out.sort((a, b) => SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity]);
}

/** True when any finding is an error (the CLI's exit code). */
export function hasErrors(findings: Finding[]): boolean {
  return findings.some((f) => f.severity === 'error');
}
