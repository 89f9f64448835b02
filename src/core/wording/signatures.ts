/**
 * Signature blocks, as structure: for each signatory, its lines in the language's order, each a
 * title line or the signed name (the « (Signé) » marker and the name apart). French puts the
 * titles first: « Le Chargé d'affaires par intérim » / « (Signé) Paul Duclos »; English puts
 * "(Signed) Name" first and the titles under it. The drafter's override (plain lines) is read
 * into the same structure here, once: renderers never look for the marker in text.
 */
import type { Block, Lang, Person, RDocument } from '../model/schema';
import { capitalize } from '../locale/numberWords';
import { override } from './generated';
import { findPerson, frWithArticle, MISSING, roleEn, roleFr } from './roles';

/** The marker before a signatory's name in an issued document. */
export const SIGNED: Record<Lang, string> = { fr: '(Signé)', en: '(Signed)' };

export type SignatureLine = { kind: 'title'; text: string } | { kind: 'name'; name: string };

export type Signatory = {
  /** The person signing (undefined where an override has more signatories than the block). */
  person: string | undefined;
  lines: SignatureLine[];
};

type SignatureBlock = Extract<Block, { kind: 'signature' }>;

/** Default title lines for a signatory: French « Le Représentant permanent », English "Permanent Representative". */
export function defaultTitleLines(doc: RDocument, person: Person, lang: Lang): string[] {
  if (person.role.kind === 'other' || person.role.kind === 'chair') {
    return lang === 'fr' ? [capitalize(frWithArticle(roleFr(doc, person, false)))] : [capitalize(roleEn(doc, person, false).replace(/^the /, ''))];
  }
  if (lang === 'fr') return [capitalize(frWithArticle(roleFr(doc, person, false)))];
  return [roleEn(doc, person, false).replace(/^the /, '')];
}

function generatedSignatories(doc: RDocument, block: SignatureBlock, lang: Lang): Signatory[] {
  return block.signatories.map((id) => {
    const person = findPerson(doc, id);
    if (!person) return { person: id, lines: [{ kind: 'name', name: MISSING }] };
    const titles: SignatureLine[] = (person.titleLines?.[lang] ?? defaultTitleLines(doc, person, lang)).map((text) => ({ kind: 'title', text }));
    const name: SignatureLine = { kind: 'name', name: person.name };
    return { person: id, lines: lang === 'fr' ? [...titles, name] : [name, ...titles] };
  });
}

/**
 * The override's text: one line per newline, signatories separated by a blank line; a line that
 * starts with the marker is the signed name.
 */
function overriddenSignatories(text: string, block: SignatureBlock, lang: Lang): Signatory[] {
  const signed = SIGNED[lang];
  return text.split(/\n\s*\n/).map((group, i) => ({
    person: block.signatories[i],
    lines: group.split('\n').map((line): SignatureLine => (line.startsWith(signed) ? { kind: 'name', name: line.slice(signed.length).trimStart() } : { kind: 'title', text: line })),
  }));
}

/** The signatories of a signature block with their lines, honouring the block's override. */
export function signatureBlock(doc: RDocument, block: SignatureBlock, lang: Lang): Signatory[] {
  const o = override(doc, `signature:${block.id}`, lang);
  return o !== undefined ? overriddenSignatories(o, block, lang) : generatedSignatories(doc, block, lang);
}

/** A signature line as printed in an issued document: "(Signé) Paul Duclos", or the title. */
export function signatureLineText(line: SignatureLine, lang: Lang): string {
  return line.kind === 'name' ? `${SIGNED[lang]} ${line.name}` : line.text;
}

/** The lines of a signature block as text, one list per signatory (for plain text and comparisons). */
export function signatureText(doc: RDocument, block: SignatureBlock, lang: Lang): string[][] {
  return signatureBlock(doc, block, lang).map((s) => s.lines.map((l) => signatureLineText(l, lang)));
}
