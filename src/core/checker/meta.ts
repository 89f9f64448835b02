/**
 * The checker's rules on metadata: symbols, letter dates, addressees and sender, people and
 * their countries, the Council's year, whether the document has any text at all, and a
 * meeting's agenda item in each language.
 */
import type { Lang, RDocument } from '../model/schema';
import { LANGS } from '../model/schema';
import { listBlocks, walkDocument } from '../model/walk';
import { versionWords } from '../model/versions';
import { countryNaming } from '../locale/countries';
import { parseSymbol } from '../symbols/symbol';
import type { Finding } from './findings';

const ORGAN_OF_ROOT: Record<string, string> = { A: 'GA', S: 'SC', E: 'ECOSOC' };

export function checkSymbols(doc: RDocument, out: Finding[]): void {
  const { symbols, organs } = doc.meta;
  if (symbols.length === 0 || symbols.every((s) => s.trim() === '')) {
    out.push({ severity: 'warning', code: 'symbol-missing', params: {} });
    return;
  }
  const roots: string[] = [];
  for (const symbol of symbols) {
    const parsed = parseSymbol(symbol);
    // The parser knows the spaced form's fix ("S/ 2026/1012" → "S/2026/1012") and only warns, so
    // that imports can read such symbols; a document holding one would print it as it is.
    const errors = parsed.issues.filter((i) => i.severity === 'error' || i.code === 'spacing');
    if (!parsed.ok || errors.length > 0) {
      out.push({ severity: 'error', code: 'symbol-malformed', params: { symbol, detail: errors[0]?.code ?? 'invalid' } });
      continue;
    }
    for (const s of parsed.symbols) roots.push(s.organ);
  }
  const joint = organs.includes('GA') && organs.includes('SC');
  if (joint && roots.length === 1) out.push({ severity: 'warning', code: 'symbol-count', params: { expected: 2, actual: roots.length } });
  for (const root of roots) {
    const organ = ORGAN_OF_ROOT[root];
    if (organ !== undefined && !organs.includes(organ as 'GA' | 'SC' | 'ECOSOC')) {
      out.push({ severity: 'warning', code: 'symbol-organ-mismatch', params: { root, organs: organs.join(', ') } });
    }
  }
}

export function checkMeta(doc: RDocument, out: Finding[]): void {
  const m = doc.meta;
  const letters = doc.parts.filter((p) => p.kind === 'letter');
  if (letters.length > 0) {
    const letter = letters[0]!;
    if (m.letterDate === undefined) out.push({ severity: 'error', code: 'letter-date-missing', partId: letter.id, params: {} });
    if (m.addressees.length === 0) out.push({ severity: 'error', code: 'addressee-missing', partId: letter.id, params: {} });
    const kinds = m.addressees.map((a) => a.kind);
    const dup = kinds.find((k, i) => kinds.indexOf(k) !== i);
    if (dup) out.push({ severity: 'warning', code: 'addressee-duplicate', partId: letter.id, params: { addressee: dup } });
    if (m.identicalLetters === true && m.addressees.length < 2) {
      out.push({ severity: 'warning', code: 'identical-letters-single-addressee', partId: letter.id, params: {} });
    }
    if (m.sender === undefined) out.push({ severity: 'error', code: 'sender-missing', partId: letter.id, params: {} });
    for (const l of letters) {
      const hasSignature = listBlocks(doc).some((x) => x.part === l && x.block.kind === 'signature');
      if (!hasSignature) out.push({ severity: 'error', code: 'signature-missing', partId: l.id, params: {} });
    }
  }
  if (m.letterDate !== undefined && m.issueDate !== undefined && m.letterDate > m.issueDate) {
    out.push({ severity: 'error', code: 'letter-date-after-issue', params: { letterDate: m.letterDate, issueDate: m.issueDate } });
  }
  // a statement's opening formula names its meeting (a report letter's opening sentence does not)
  const hasOpening = listBlocks(doc).some((x) => x.block.kind === 'opening' && x.part.kind !== 'letter');
  if ((m.kind === 'presidential-statement' || hasOpening) && m.meeting === undefined) {
    out.push({ severity: 'error', code: 'meeting-missing', params: {} });
  }
}

const NEEDS_COUNTRY = new Set(['permanent-representative', 'deputy-permanent-representative', 'charge-d-affaires', 'ambassador']);
const PLACEHOLDER_NAME = /^\s*(\[.*\]|…|\.\.\.)?\s*$/;

export function checkPeople(doc: RDocument, out: Finding[]): void {
  const sender = doc.meta.people.find((p) => p.id === doc.meta.sender);
  if (sender && NEEDS_COUNTRY.has(sender.role.kind)) {
    if (sender.role.country === undefined) out.push({ severity: 'error', code: 'sender-country-missing', params: { name: sender.name } });
  }
  for (const p of doc.meta.people) {
    if (p.role.country !== undefined && countryNaming(p.role.country, doc) === undefined) {
      out.push({ severity: 'error', code: 'country-unknown', params: { code: p.role.country, name: p.name } });
    }
  }
  walkDocument(doc, {
    block: (block, ctx) => {
      if (block.kind !== 'signature') return;
      for (const id of block.signatories) {
        const person = doc.meta.people.find((p) => p.id === id);
        if (person && PLACEHOLDER_NAME.test(person.name)) {
          out.push({ severity: 'error', code: 'signatory-placeholder', blockId: block.id, partId: ctx.part.id, params: { name: person.name } });
        }
      }
    },
  });
}

/**
 * A document with no text in any language is an error (there is nothing to submit). A version
 * whose original-language text is absent while another language has text is legitimate (seeds
 * 002–004: the French version of an English original): a note, so the reader knows.
 */
export function checkVersions(doc: RDocument, out: Finding[]): void {
  const words = LANGS.map((lang) => ({ lang, words: versionWords(doc, lang) }));
  if (words.every((w) => w.words === 0)) {
    out.push({ severity: 'error', code: 'document-empty', params: {} });
    return;
  }
  const original = doc.meta.originalLanguage;
  if (words.find((w) => w.lang === original)!.words === 0) {
    out.push({ severity: 'info', code: 'original-text-absent', lang: original, params: { original } });
  }
}

/**
 * The Council's year (« Soixante-cinquième année ») is printed under the masthead of documents
 * of both the General Assembly and the Security Council only; on a document of the Council
 * alone, a year set in `meta.sessions` is not printed, which the drafter should know.
 */
export function checkCouncilYear(doc: RDocument, out: Finding[]): void {
  const year = doc.meta.sessions.find((s) => s.organ === 'SC');
  if (year && !doc.meta.organs.includes('GA')) out.push({ severity: 'info', code: 'council-year-not-printed', params: { year: year.year } });
}

/** A meeting's document names its agenda item in every language it has text in. */
export function checkMeetingItem(doc: RDocument, lang: Lang, out: Finding[]): void {
  if (doc.meta.meeting && doc.meta.meeting.item[lang] === undefined && doc.text[lang] !== undefined) {
    out.push({ severity: 'error', code: 'meeting-item-missing', lang, params: { lang } });
  }
}
