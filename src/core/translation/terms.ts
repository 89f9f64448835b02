/**
 * Terminology for the translator: pairs of French and English wording the product knows (the
 * States' UN short names, the principal organs, the phrases of UN documents) and the dossier's own
 * glossary; found in a source text (case, accents and apostrophes ignored, whole words, longest
 * first), offered in the target language, and checked: a glossary term in a source block should
 * have its translation in the target block.
 */
import type { Inline, Lang, RDocument } from '../model/schema';
import { allCountries } from '../locale/countries';
import { translationRows } from './status';

export type TermOrigin = 'glossary' | 'state' | 'organ' | 'phrase';
export type TermPair = { fr: string; en: string; origin: TermOrigin };
export type TermHit = { term: TermPair; start: number; end: number };

/** Phrases of UN documents with their official equivalents (Editorial Manual, UNTERM). */
const PHRASES: readonly (readonly [string, string])[] = [
  ['(Signé)', '(Signed)'],
  ['Distr. générale', 'Distr.: General'],
  ['Distr. limitée', 'Distr.: Limited'],
  ['Distr. restreinte', 'Distr.: Restricted'],
  ['Original : anglais', 'Original: English'],
  ['Original : français', 'Original: French'],
  ['Secrétaire général', 'Secretary-General'],
  ['Secrétariat', 'Secretariat'],
  ['Représentant permanent', 'Permanent Representative'],
  ['Représentante permanente', 'Permanent Representative'],
  ['Représentant permanent adjoint', 'Deputy Permanent Representative'],
  ['Représentante permanente adjointe', 'Deputy Permanent Representative'],
  ["Chargé d'affaires par intérim", "Chargé d'affaires a.i."],
  ["Chargée d'affaires par intérim", "Chargé d'affaires a.i."],
  ['Mission permanente', 'Permanent Mission'],
  ['États Membres', 'Member States'],
  ['Organisation des Nations Unies', 'United Nations'],
  ['Charte des Nations Unies', 'Charter of the United Nations'],
  ['document officiel', 'official document'],
  ["point de l'ordre du jour", 'agenda item'],
  ["ordre du jour", 'agenda'],
  ['Groupe de travail', 'Working Group'],
  ['opérations de maintien de la paix', 'peacekeeping operations'],
  ['maintien de la paix', 'peacekeeping'],
  ['consolidation de la paix', 'peacebuilding'],
  ['pays fournisseurs de contingents', 'troop-contributing countries'],
  ['pays fournisseurs de personnel de police', 'police-contributing countries'],
  ['débat public', 'open debate'],
  ['note de cadrage', 'concept note'],
  ['déclaration du Président', 'statement by the President'],
  ['séance', 'meeting'],
  ['session', 'session'],
  ['rapport annuel', 'annual report'],
];

const ORGANS: readonly (readonly [string, string])[] = [
  ['Conseil de sécurité', 'Security Council'],
  ['Assemblée générale', 'General Assembly'],
  ['Conseil économique et social', 'Economic and Social Council'],
  ['Cour internationale de Justice', 'International Court of Justice'],
  ['Conseil des droits de l’homme', 'Human Rights Council'],
  ['Commission de consolidation de la paix', 'Peacebuilding Commission'],
];

let product: TermPair[] | undefined;

/** What the product knows, built once. */
export function productTerms(): readonly TermPair[] {
  if (!product) {
    product = [
      ...ORGANS.map(([fr, en]) => ({ fr, en, origin: 'organ' as const })),
      ...PHRASES.map(([fr, en]) => ({ fr, en, origin: 'phrase' as const })),
      ...allCountries().flatMap((c) => {
        const out: TermPair[] = [{ fr: c.fr.name, en: c.en.name, origin: 'state' }];
        if (c.formal) out.push({ fr: c.formal.fr.name, en: c.formal.en.name, origin: 'state' });
        return out;
      }),
    ];
  }
  return product;
}

/** Case, accents, apostrophes and spaces folded, one character for one, so places carry over. */
function foldForTerms(s: string): string {
  let out = '';
  for (const ch of s) {
    let c = ch === '’' || ch === 'ʼ' ? "'" : ch === '\u00a0' || ch === '\u202f' ? ' ' : ch;
    c = c.normalize('NFD').replace(/\p{M}+/gu, '').toLowerCase();
    out += c.length === ch.length ? c : ch.toLowerCase().length === ch.length ? ch.toLowerCase() : ch;
  }
  return out;
}

const WORDISH = /[\p{L}\p{N}]/u;

/** The terms found in `text` (in language `lang`), longest first where they overlap, in text order. */
export function findTerms(text: string, lang: Lang, terms: readonly TermPair[]): TermHit[] {
  const folded = foldForTerms(text);
  const candidates: TermHit[] = [];
  for (const term of terms) {
    const needle = foldForTerms(term[lang]);
    if (needle.trim() === '') continue;
    for (let at = folded.indexOf(needle); at >= 0; at = folded.indexOf(needle, at + 1)) {
      const before = at > 0 ? folded[at - 1]! : ' ';
      const after = folded[at + needle.length] ?? ' ';
      if ((WORDISH.test(needle[0]!) && WORDISH.test(before)) || (WORDISH.test(needle[needle.length - 1]!) && WORDISH.test(after))) continue;
      candidates.push({ term, start: at, end: at + needle.length });
    }
  }
  candidates.sort((a, b) => b.end - b.start - (a.end - a.start) || a.start - b.start);
  const taken: TermHit[] = [];
  for (const c of candidates) if (!taken.some((t) => c.start < t.end && t.start < c.end)) taken.push(c);
  return taken.sort((a, b) => a.start - b.start);
}

/** A block's words as plain text (footnote text included, cross-references left out). */
export function plainWords(content: readonly Inline[]): string {
  return content.map((r) => (r.type === 'text' ? r.text : r.type === 'footnote' ? ` ${plainWords(r.content)} ` : ' ')).join('');
}

/** The dossier's own glossary as terms. */
export function glossaryTerms(doc: RDocument): TermPair[] {
  return (doc.translation?.glossary ?? []).map((g) => ({ fr: g.fr, en: g.en, origin: 'glossary' }));
}

export type GlossaryMiss = { id: string; term: TermPair };

/**
 * Glossary terms found in a source block whose translation the target block does not contain.
 * Only translated or outdated rows are checked (an untranslated row is reported as such).
 */
export function glossaryMisses(doc: RDocument, glossary: readonly TermPair[], source: Lang, target: Lang): GlossaryMiss[] {
  if (glossary.length === 0) return [];
  const out: GlossaryMiss[] = [];
  for (const row of translationRows(doc, source, target)) {
    if (row.status === 'untranslated') continue;
    const src = plainWords(doc.text[source]?.[row.id]?.content ?? []);
    const tgt = plainWords(doc.text[target]?.[row.id]?.content ?? []);
    for (const hit of findTerms(src, source, glossary)) {
      if (findTerms(tgt, target, [hit.term]).length === 0) out.push({ id: row.id, term: hit.term });
    }
  }
  return out;
}
