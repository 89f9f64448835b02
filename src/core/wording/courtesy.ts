/**
 * The courtesy wording of the signed letter (the letterhead original the ambassador signs): the
 * salutation, the complimentary close and the addressee block, in the letter's language, from
 * the addressee's office and grammatical gender. The Secretariat leaves these out when it issues
 * the letter (seeds 000 and 004 begin « J'ai l'honneur… »), so only the letterhead profile
 * prints them. Each can be overridden per language in `doc.overrides`, keyed by the letter's
 * part id: `salutation:`, `close:`, `addressee:` (lines separated by newlines, addressees by a
 * blank line); the metadata form's wording list edits them.
 *
 * French: « Monsieur le Président, » / « Madame la Présidente, », the same form of address in
 * « Veuillez agréer, Monsieur le Président, les assurances de ma très haute considération. »,
 * and « Son Excellence Monsieur … » / « Présidente du Conseil de sécurité » / « New York ».
 * English: "Excellency," for every office, "Please accept, Excellency, the assurances of my
 * highest consideration.", "His Excellency Mr. …" / "Her Excellency Ms. …".
 */
import type { Addressee, Lang, Part, RDocument } from '../model/schema';
import { override } from './generated';
import { MISSING, orderedAddressees } from './roles';

/** Where the United Nations receives its letters. */
const HEADQUARTERS = 'New York';

/** The office as the addressee block's second line names it, per language and gender. */
function office(a: Addressee, lang: Lang): string {
  const f = a.gender === 'f';
  switch (a.kind) {
    case 'secretary-general':
      return lang === 'fr' ? `${f ? 'Secrétaire générale' : 'Secrétaire général'} de l'Organisation des Nations Unies` : 'Secretary-General of the United Nations';
    case 'president-general-assembly':
      return lang === 'fr' ? `${f ? 'Présidente' : 'Président'} de l'Assemblée générale` : 'President of the General Assembly';
    case 'president-security-council':
      return lang === 'fr' ? `${f ? 'Présidente' : 'Président'} du Conseil de sécurité` : 'President of the Security Council';
  }
}

/** French form of address: « Monsieur le Président », « Madame la Secrétaire générale ». */
function frenchAddress(a: Addressee): string {
  const f = a.gender === 'f';
  const title = a.kind === 'secretary-general' ? (f ? 'Secrétaire générale' : 'Secrétaire général') : f ? 'Présidente' : 'Président';
  return f ? `Madame la ${title}` : `Monsieur le ${title}`;
}

/** The addressee the salutation speaks to: the first in the Manual's order (each identical letter has its own). */
function firstAddressee(doc: Pick<RDocument, 'meta'>): Addressee | undefined {
  return orderedAddressees(doc.meta.addressees)[0];
}

export function generatedSalutation(doc: Pick<RDocument, 'meta'>, lang: Lang): string {
  if (lang === 'en') return 'Excellency,';
  const a = firstAddressee(doc);
  return `${a ? frenchAddress(a) : MISSING},`;
}

export function generatedClose(doc: Pick<RDocument, 'meta'>, lang: Lang): string {
  if (lang === 'en') return 'Please accept, Excellency, the assurances of my highest consideration.';
  const a = firstAddressee(doc);
  return `Veuillez agréer, ${a ? frenchAddress(a) : MISSING}, les assurances de ma très haute considération.`;
}

/** One group of lines per addressee: « Son Excellence Monsieur … » / office / « New York ». */
export function generatedAddresseeBlock(doc: Pick<RDocument, 'meta'>, lang: Lang): string[][] {
  const list = orderedAddressees(doc.meta.addressees);
  if (list.length === 0) return [[MISSING, HEADQUARTERS]];
  return list.map((a) => {
    const name = a.name ?? MISSING;
    const excellency = lang === 'fr' ? `Son Excellence ${a.gender === 'f' ? 'Madame' : 'Monsieur'} ${name}` : `${a.gender === 'f' ? 'Her Excellency Ms.' : 'His Excellency Mr.'} ${name}`;
    return [excellency, office(a, lang), HEADQUARTERS];
  });
}

/** The addressee block's groups as one text (the override's form): lines by newlines, addressees by a blank line. */
export function addresseeBlockText(groups: string[][]): string {
  return groups.map((g) => g.join('\n')).join('\n\n');
}

export type LetterCourtesy = { salutation: string; close: string; addressee: string[][] };

/** The signed letter's salutation, close and addressee block for the letter part, honouring the overrides. */
export function letterCourtesy(doc: RDocument, letter: Part, lang: Lang): LetterCourtesy {
  const addressee = override(doc, `addressee:${letter.id}`, lang);
  return {
    salutation: override(doc, `salutation:${letter.id}`, lang) ?? generatedSalutation(doc, lang),
    close: override(doc, `close:${letter.id}`, lang) ?? generatedClose(doc, lang),
    addressee: addressee !== undefined ? addressee.split(/\n\s*\n/).map((g) => g.split('\n')) : generatedAddresseeBlock(doc, lang),
  };
}
