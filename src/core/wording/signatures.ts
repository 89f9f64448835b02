/**
 * Signature blocks: the default title lines of a signatory and the block's lines in each
 * language's order.
 */
import type { Block, Lang, Person, RDocument } from '../model/schema';
import { capitalize } from '../locale/numberWords';
import { findPerson, frWithArticle, MISSING, roleEn, roleFr } from './roles';

/** Default title lines for a signatory: French « Le Représentant permanent », English "Permanent Representative". */
export function defaultTitleLines(doc: RDocument, person: Person, lang: Lang): string[] {
  if (person.role.kind === 'other' || person.role.kind === 'chair') {
    return lang === 'fr' ? [capitalize(frWithArticle(roleFr(doc, person, false)))] : [capitalize(roleEn(doc, person, false).replace(/^the /, ''))];
  }
  if (lang === 'fr') return [capitalize(frWithArticle(roleFr(doc, person, false)))];
  return [roleEn(doc, person, false).replace(/^the /, '')];
}

/**
 * The lines of a signature block, one signatory after another. French puts the title first:
 * « Le Chargé d'affaires par intérim » / « (Signé) Paul Duclos »; English puts "(Signed) Name"
 * first and the titles under it.
 */
export function signatureLines(doc: RDocument, block: Extract<Block, { kind: 'signature' }>, lang: Lang): string[][] {
  return block.signatories.map((id) => {
    const person = findPerson(doc, id);
    if (!person) return [lang === 'fr' ? `(Signé) ${MISSING}` : `(Signed) ${MISSING}`];
    const titles = person.titleLines?.[lang] ?? defaultTitleLines(doc, person, lang);
    return lang === 'fr' ? [...titles, `(Signé) ${person.name}`] : [`(Signed) ${person.name}`, ...titles];
  });
}
