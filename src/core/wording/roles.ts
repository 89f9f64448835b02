/**
 * The people and bodies generated sentences name: a person's function in each language (French
 * with its article, so "à + le" contracts to "au" and "de + le" to "du"), the addressees in the
 * Manual's order, lists joined with "et" / "and", and the gap marker for missing metadata.
 */
import type { Addressee, AddresseeKind, Gender, Lang, Person, RDocument } from '../model/schema';
import { countryNaming, englishOf, frenchOf } from '../locale/countries';

/** Shown where metadata a sentence needs is missing, so the gap is visible rather than silent. */
export const MISSING = '…';

// ---------------------------------------------------------------------------------------------
// Noun phrases with French articles, so "à + le" becomes "au" and "de + le" becomes "du".

export type FrPhrase = { article: 'le' | 'la' | "l'" | 'les'; rest: string };

export function fr(article: FrPhrase['article'], rest: string): FrPhrase {
  return { article, rest };
}

/** "le Président…" */
export function frWithArticle(p: FrPhrase): string {
  return p.article === "l'" ? `l'${p.rest}` : `${p.article} ${p.rest}`;
}
/** "au Président…", "à la Présidente…", "à l'…", "aux …" */
function frA(p: FrPhrase): string {
  switch (p.article) {
    case 'le':
      return `au ${p.rest}`;
    case 'la':
      return `à la ${p.rest}`;
    case "l'":
      return `à l'${p.rest}`;
    case 'les':
      return `aux ${p.rest}`;
  }
}
/** "du Président…", "de la Présidente…" */
export function frDe(p: FrPhrase): string {
  switch (p.article) {
    case 'le':
      return `du ${p.rest}`;
    case 'la':
      return `de la ${p.rest}`;
    case "l'":
      return `de l'${p.rest}`;
    case 'les':
      return `des ${p.rest}`;
  }
}

function frGendered(gender: Gender, masc: string, fem: string): FrPhrase {
  const word = gender === 'f' ? fem : masc;
  const elide = /^[aeiouéèêh]/i.test(word);
  return fr(elide ? "l'" : gender === 'f' ? 'la' : 'le', word);
}

const UN_FR = "auprès de l'Organisation des Nations Unies";
const UN_EN = 'to the United Nations';

function countryOf(doc: RDocument, code: string | undefined, lang: Lang): string {
  if (!code) return lang === 'fr' ? `de ${MISSING}` : `of ${MISSING}`;
  const naming = countryNaming(code, doc);
  if (!naming) return lang === 'fr' ? `de ${code}` : `of ${code}`;
  return lang === 'fr' ? frenchOf(naming) : englishOf(naming);
}

/**
 * A person's function as it reads after "par" / "from": the French phrase keeps its article so
 * callers can contract it; the English phrase starts with "the".
 */
export function roleFr(doc: RDocument, person: Person, withCountry: boolean): FrPhrase {
  const g = person.gender;
  const { kind, country, body } = person.role;
  const of = withCountry ? ` ${countryOf(doc, country, 'fr')}` : '';
  switch (kind) {
    case 'permanent-representative': {
      const p = frGendered(g, 'Représentant permanent', 'Représentante permanente');
      return withCountry ? { ...p, rest: `${p.rest}${of} ${UN_FR}` } : p;
    }
    case 'deputy-permanent-representative': {
      const p = frGendered(g, 'Représentant permanent adjoint', 'Représentante permanente adjointe');
      return withCountry ? { ...p, rest: `${p.rest}${of} ${UN_FR}` } : p;
    }
    case 'charge-d-affaires': {
      const p = frGendered(g, "Chargé d'affaires par intérim", "Chargée d'affaires par intérim");
      return withCountry ? { ...p, rest: `${p.rest} de la Mission permanente${of} ${UN_FR}` } : p;
    }
    case 'ambassador': {
      const p = frGendered(g, 'Ambassadeur', 'Ambassadrice');
      return withCountry ? { ...p, rest: `${p.rest}${of}` } : p;
    }
    case 'secretary-general':
      return frGendered(g, 'Secrétaire général', 'Secrétaire générale');
    case 'president-security-council': {
      const p = frGendered(g, 'Président', 'Présidente');
      return { ...p, rest: `${p.rest} du Conseil de sécurité` };
    }
    case 'president-general-assembly': {
      const p = frGendered(g, 'Président', 'Présidente');
      return { ...p, rest: `${p.rest} de l'Assemblée générale` };
    }
    case 'chair': {
      // body.fr is the complement as it follows "Président": "du Groupe de travail…"
      const p = frGendered(g, 'Président', 'Présidente');
      return { ...p, rest: `${p.rest} ${body?.fr ?? MISSING}` };
    }
    case 'other': {
      // body.fr is the whole function, article included: "le Ministre des affaires étrangères"
      const text = body?.fr ?? MISSING;
      const m = /^(le|la|les) (.*)$/.exec(text) ?? /^(l')(.*)$/.exec(text);
      return m ? fr(m[1] as FrPhrase['article'], m[2]!) : fr('le', text);
    }
  }
}

export function roleEn(doc: RDocument, person: Person, withCountry: boolean): string {
  const { kind, country, body } = person.role;
  const of = withCountry ? ` ${countryOf(doc, country, 'en')}` : '';
  switch (kind) {
    case 'permanent-representative':
      return withCountry ? `the Permanent Representative${of} ${UN_EN}` : 'the Permanent Representative';
    case 'deputy-permanent-representative':
      return withCountry ? `the Deputy Permanent Representative${of} ${UN_EN}` : 'the Deputy Permanent Representative';
    case 'charge-d-affaires':
      return withCountry ? `the Chargé d'affaires a.i. of the Permanent Mission${of} ${UN_EN}` : "the Chargé d'affaires a.i.";
    case 'ambassador':
      return withCountry ? `the Ambassador${of}` : 'the Ambassador';
    case 'secretary-general':
      return 'the Secretary-General';
    case 'president-security-council':
      return 'the President of the Security Council';
    case 'president-general-assembly':
      return 'the President of the General Assembly';
    case 'chair':
      // body.en is the complement as it follows "Chair": "of the Working Group…"
      return `the Chair ${body?.en ?? MISSING}`;
    case 'other':
      return body?.en ?? MISSING;
  }
}

// ---------------------------------------------------------------------------------------------
// Addressees

const ADDRESSEE_ORDER: AddresseeKind[] = ['secretary-general', 'president-general-assembly', 'president-security-council'];

/** The Manual's order: Secretary-General, President of the General Assembly, President of the Security Council. */
export function orderedAddressees(list: Addressee[]): Addressee[] {
  return [...list].sort((a, b) => ADDRESSEE_ORDER.indexOf(a.kind) - ADDRESSEE_ORDER.indexOf(b.kind));
}

function addresseeFr(a: Addressee): FrPhrase {
  switch (a.kind) {
    case 'secretary-general':
      return frGendered(a.gender, 'Secrétaire général', 'Secrétaire générale');
    case 'president-general-assembly': {
      const p = frGendered(a.gender, 'Président', 'Présidente');
      return { ...p, rest: `${p.rest} de l'Assemblée générale` };
    }
    case 'president-security-council': {
      const p = frGendered(a.gender, 'Président', 'Présidente');
      return { ...p, rest: `${p.rest} du Conseil de sécurité` };
    }
  }
}

function addresseeEn(a: Addressee): string {
  switch (a.kind) {
    case 'secretary-general':
      return 'the Secretary-General';
    case 'president-general-assembly':
      return 'the President of the General Assembly';
    case 'president-security-council':
      return 'the President of the Security Council';
  }
}

/** "A, B et C" / "A, B and C". */
export function joinList(items: string[], lang: Lang): string {
  if (items.length <= 1) return items[0] ?? '';
  const and = lang === 'fr' ? 'et' : 'and';
  return `${items.slice(0, -1).join(', ')} ${and} ${items[items.length - 1]}`;
}

export function addresseesFrA(doc: RDocument): string {
  const list = orderedAddressees(doc.meta.addressees);
  return list.length === 0 ? `à ${MISSING}` : joinList(list.map((a) => frA(addresseeFr(a))), 'fr');
}

export function addresseesEn(doc: RDocument): string {
  const list = orderedAddressees(doc.meta.addressees);
  return list.length === 0 ? MISSING : joinList(list.map(addresseeEn), 'en');
}

/** The person `id` of the document's people. */
export function findPerson(doc: RDocument, id: string | undefined): Person | undefined {
  return id === undefined ? undefined : doc.meta.people.find((p) => p.id === id);
}
