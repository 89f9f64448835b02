/**
 * Generated text: every piece of wording that follows rules rather than the drafter's pen —
 * letter titles, annex headings, the closing request, signature lines, the presidential-
 * statement opening formula and title, masthead lines — derived from `meta` in each language's
 * own word order. Each can be overridden per language in `doc.overrides` (the seeds vary in small
 * ways: seed 003 writes « Je vous serais donc obligé »).
 *
 * Output uses ordinary spaces and straight apostrophes; typography is applied when rendering.
 */
import { COUNCIL_YEAR_OFFSET, type Addressee, type AddresseeKind, type Block, type Gender, type Lang, type Part, type Person, type RDocument, type Session } from '../model/schema';
import { listParts } from '../model/walk';
import { countryNaming, englishOf, frenchOf } from '../locale/countries';
import { formatDate, ordinalNumber } from '../locale/dates';
import { capitalize, englishOrdinal, frenchOrdinal, sessionWords, yearWords } from '../locale/numberWords';
import { numberDocument, type Numbering } from '../numbering/numbering';

/** Shown where metadata a sentence needs is missing, so the gap is visible rather than silent. */
export const MISSING = '…';

// ---------------------------------------------------------------------------------------------
// Noun phrases with French articles, so "à + le" becomes "au" and "de + le" becomes "du".

type FrPhrase = { article: 'le' | 'la' | "l'" | 'les'; rest: string };

function fr(article: FrPhrase['article'], rest: string): FrPhrase {
  return { article, rest };
}

/** "le Président…" */
export function frWithArticle(p: FrPhrase): string {
  return p.article === "l'" ? `l'${p.rest}` : `${p.article} ${p.rest}`;
}
/** "au Président…", "à la Présidente…", "à l'…", "aux …" */
export function frA(p: FrPhrase): string {
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

function addresseesFrA(doc: RDocument): string {
  const list = orderedAddressees(doc.meta.addressees);
  return list.length === 0 ? `à ${MISSING}` : joinList(list.map((a) => frA(addresseeFr(a))), 'fr');
}

function addresseesEn(doc: RDocument): string {
  const list = orderedAddressees(doc.meta.addressees);
  return list.length === 0 ? MISSING : joinList(list.map(addresseeEn), 'en');
}

// ---------------------------------------------------------------------------------------------
// Letter titles and annex headings

export function findPerson(doc: RDocument, id: string | undefined): Person | undefined {
  return id === undefined ? undefined : doc.meta.people.find((p) => p.id === id);
}

function senderFr(doc: RDocument): string {
  const p = findPerson(doc, doc.meta.sender);
  return p ? frWithArticle(roleFr(doc, p, true)) : MISSING;
}

function senderEn(doc: RDocument): string {
  const p = findPerson(doc, doc.meta.sender);
  return p ? roleEn(doc, p, true) : MISSING;
}

function letterDate(doc: RDocument, lang: Lang): string {
  return doc.meta.letterDate ? formatDate(doc.meta.letterDate, lang) : MISSING;
}

/**
 * « Lettre datée du 8 octobre 2019, adressée au Président du Conseil de sécurité par le Chargé
 * d'affaires par intérim de la Mission permanente du Pérou auprès de l'Organisation des Nations Unies »
 * "Letter dated 8 October 2019 from the Chargé d'affaires a.i. of the Permanent Mission of Peru to
 * the United Nations addressed to the President of the Security Council"
 */
export function letterTitle(doc: RDocument, lang: Lang): string {
  const identical = doc.meta.identicalLetters === true && doc.meta.addressees.length > 1;
  if (lang === 'fr') {
    const head = identical ? 'Lettres identiques datées du' : 'Lettre datée du';
    const addressed = identical ? 'adressées' : 'adressée';
    return `${head} ${letterDate(doc, 'fr')}, ${addressed} ${addresseesFrA(doc)} par ${senderFr(doc)}`;
  }
  const head = identical ? 'Identical letters dated' : 'Letter dated';
  return `${head} ${letterDate(doc, 'en')} from ${senderEn(doc)} addressed to ${addresseesEn(doc)}`;
}

/** "Déclaration du Président du Conseil de sécurité" / "Statement by the President of the Security Council". */
export function statementTitle(doc: RDocument, lang: Lang): string {
  const g = doc.meta.meeting?.presidentGender ?? 'm';
  if (lang === 'en') return 'Statement by the President of the Security Council';
  return g === 'f' ? 'Déclaration de la Présidente du Conseil de sécurité' : 'Déclaration du Président du Conseil de sécurité';
}

/**
 * Heading of an annex or enclosure. An annex to a letter names the letter:
 * « Annexe I à la lettre datée du 22 juillet 2010 adressée au Secrétaire général par … »
 * (no comma, unlike the title); elsewhere it is just « Annexe », « Annex II », « Pièce jointe ».
 */
export function partHeading(doc: RDocument, part: Part, parent: Part | undefined, lang: Lang, numbering?: Numbering): string {
  const n = numbering ?? numberDocument(doc, lang);
  const label = n.parts.get(part.id)?.label ?? '';
  if (part.kind !== 'annex' || parent?.kind !== 'letter') return label;
  const identical = doc.meta.identicalLetters === true && doc.meta.addressees.length > 1;
  if (lang === 'fr') {
    const to = identical ? 'aux lettres identiques datées du' : 'à la lettre datée du';
    const addressed = identical ? 'adressées' : 'adressée';
    return `${label} ${to} ${letterDate(doc, 'fr')} ${addressed} ${addresseesFrA(doc)} par ${senderFr(doc)}`;
  }
  const to = identical ? 'to the identical letters dated' : 'to the letter dated';
  return `${label} ${to} ${letterDate(doc, 'en')} from ${senderEn(doc)} addressed to ${addresseesEn(doc)}`;
}

/** "[Original : anglais]" / "[Original: French]" under an annex written in another language. */
export function originalMarker(original: Lang, lang: Lang): string {
  if (lang === 'fr') return `[Original : ${original === 'fr' ? 'français' : 'anglais'}]`;
  return `[Original: ${original === 'fr' ? 'French' : 'English'}]`;
}

// ---------------------------------------------------------------------------------------------
// Closing request

const BODY_NOUN: Record<string, { fr: FrPhrase; en: string }> = {
  report: { fr: fr('le', 'rapport'), en: 'the report' },
  summary: { fr: fr('le', 'résumé'), en: 'the summary' },
  'concept-note': { fr: fr('la', 'note de cadrage'), en: 'the concept note' },
  note: { fr: fr('la', 'note'), en: 'the note' },
  statement: { fr: fr('la', 'déclaration'), en: 'the statement' },
  other: { fr: fr('le', 'document'), en: 'the document' },
};

function agendaItemsPhrase(numbers: number[], lang: Lang, form: 'masthead' | 'sentence'): string {
  const list = joinList(numbers.map(String), lang);
  if (lang === 'fr') {
    const word = numbers.length > 1 ? 'points' : 'point';
    return form === 'masthead' ? `${capitalize(word)} ${list} de l'ordre du jour` : `au titre ${numbers.length > 1 ? 'des' : 'du'} ${word} ${list} de l'ordre du jour`;
  }
  const word = numbers.length > 1 ? 'items' : 'item';
  return form === 'masthead' ? `Agenda ${word} ${list}` : `under agenda ${word} ${list}`;
}

function gaSession(doc: RDocument): Extract<Session, { organ: 'GA' }> | undefined {
  return doc.meta.sessions.find((s): s is Extract<Session, { organ: 'GA' }> => s.organ === 'GA');
}

/** "document du Conseil de sécurité" / "de la soixante-quatrième session de l'Assemblée générale, au titre des points 10 et 33 de l'ordre du jour, et du Conseil de sécurité" */
function documentOfOrgans(doc: RDocument, lang: Lang): string {
  const parts: string[] = [];
  const ga = gaSession(doc);
  for (const organ of doc.meta.organs) {
    if (organ === 'GA') {
      const items = ga && ga.agendaItems.length > 0 ? `, ${agendaItemsPhrase(ga.agendaItems.map((i) => i.number), lang, 'sentence')}` : '';
      if (lang === 'fr') parts.push(ga ? `de la ${frenchOrdinal(ga.session)} session de l'Assemblée générale${items}` : `de l'Assemblée générale${items}`);
      else parts.push(ga ? `of the ${englishOrdinal(ga.session)} session of the General Assembly${items}` : `of the General Assembly${items}`);
    } else if (organ === 'SC') {
      parts.push(lang === 'fr' ? 'du Conseil de sécurité' : 'of the Security Council');
    } else {
      parts.push(lang === 'fr' ? 'du Conseil économique et social' : 'of the Economic and Social Council');
    }
  }
  // A list whose first member carries commas closes with ", et" / ", and" (seed 003).
  if (parts.length === 2 && parts[0]!.includes(',')) return `${parts[0]}, ${lang === 'fr' ? 'et' : 'and'} ${parts[1]}`;
  return joinList(parts, lang);
}

/** What the letter sends with it: its own annexes and the text it transmits. */
function transmitted(doc: RDocument, letter: Part, lang: Lang): string[] {
  const out: string[] = [];
  const annexes = letter.parts.filter((p) => p.kind === 'annex').length;
  if (annexes > 0) out.push(lang === 'fr' ? (annexes > 1 ? 'de ses annexes' : 'de son annexe') : annexes > 1 ? 'its annexes' : 'its annex');
  const index = doc.parts.indexOf(letter);
  const body = index >= 0 ? doc.parts.slice(index + 1).find((p) => p.kind === 'body') : undefined;
  if (body) {
    const noun = BODY_NOUN[body.bodyType ?? 'other']!;
    out.push(lang === 'fr' ? frDe(noun.fr) : noun.en);
  }
  return out;
}

/**
 * « Je vous serais reconnaissant de bien vouloir faire distribuer le texte de la présente lettre
 * et de son annexe comme document du Conseil de sécurité. »
 * "I should be grateful if you would have the present letter and its annex circulated as a
 * document of the Security Council."
 */
export function closingRequest(doc: RDocument, letter: Part, lang: Lang): string {
  const sent = transmitted(doc, letter, lang);
  const organs = documentOfOrgans(doc, lang);
  if (lang === 'fr') {
    const sender = findPerson(doc, doc.meta.sender);
    const grateful = sender?.gender === 'f' ? 'reconnaissante' : 'reconnaissant';
    const what = sent.length === 0 ? 'la présente lettre' : `la présente lettre ${sent.map((s) => `et ${s}`).join(' ')}`;
    return `Je vous serais ${grateful} de bien vouloir faire distribuer le texte de ${what} comme document ${organs}.`;
  }
  const what = sent.length === 0 ? 'the present letter' : `the present letter and ${joinList(sent, 'en')}`;
  return `I should be grateful if you would have ${what} circulated as a document ${organs}.`;
}

// ---------------------------------------------------------------------------------------------
// Presidential statements

/**
 * « Le Conseil de sécurité ayant examiné à sa 8838e séance, le 18 août 2021, la question intitulée
 * « … », son président a fait en son nom la déclaration suivante : »
 */
export function statementOpening(doc: RDocument, lang: Lang): string {
  const m = doc.meta.meeting;
  const number = m ? ordinalNumber(m.number, lang, 'f') : MISSING;
  const date = m ? formatDate(m.date, lang) : MISSING;
  const item = m?.item[lang] ?? MISSING;
  if (lang === 'fr') {
    const president = m?.presidentGender === 'f' ? 'sa présidente' : 'son président';
    return `Le Conseil de sécurité ayant examiné à sa ${number} séance, le ${date}, la question intitulée « ${item} », ${president} a fait en son nom la déclaration suivante :`;
  }
  return `At the ${number} meeting of the Security Council, held on ${date}, in connection with the Council's consideration of the item entitled “${item}”, the President of the Security Council made the following statement on behalf of the Council:`;
}

// ---------------------------------------------------------------------------------------------
// Signature blocks

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

// ---------------------------------------------------------------------------------------------
// Masthead

export type Masthead = {
  unitedNations: string;
  symbols: string[];
  organs: string[];
  distribution: string;
  date: string;
  /** Language of this version when it is a translation ("Français"), else "". */
  versionLanguage: string;
  original: string;
  /** For joint documents: a column per organ ("Assemblée générale" / "Soixante-quatrième session" / "Points 10 et 33 de l'ordre du jour" / titles). */
  sessionColumns: { organ: string; lines: string[]; itemTitles: string[] }[];
};

const ORGAN_NAMES: Record<string, Record<Lang, string>> = {
  GA: { fr: 'Assemblée générale', en: 'General Assembly' },
  SC: { fr: 'Conseil de sécurité', en: 'Security Council' },
  ECOSOC: { fr: 'Conseil économique et social', en: 'Economic and Social Council' },
};

export function organName(organ: string, lang: Lang): string {
  return ORGAN_NAMES[organ]?.[lang] ?? organ;
}

const DISTRIBUTION: Record<string, Record<Lang, string>> = {
  general: { fr: 'Distr. générale', en: 'Distr.: General' },
  limited: { fr: 'Distr. limitée', en: 'Distr.: Limited' },
  restricted: { fr: 'Distr. restreinte', en: 'Distr.: Restricted' },
};

export function masthead(doc: RDocument, lang: Lang): Masthead {
  const m = doc.meta;
  const original = lang === 'fr' ? `Original : ${m.originalLanguage === 'fr' ? 'français' : 'anglais'}` : `Original: ${m.originalLanguage === 'fr' ? 'French' : 'English'}`;
  const versionLanguage = lang === m.originalLanguage ? '' : lang === 'fr' ? 'Français' : 'English';
  // The Council's year is printed only where the UN prints it: documents of both the Assembly and
  // the Council (seed 003). It is stored as the calendar year; the line counts the Council's years.
  const joint = m.organs.includes('GA') && m.organs.includes('SC');
  const sessionColumns = m.sessions.flatMap((s) => {
    if (s.organ === 'GA') {
      const lines = [sessionWords(s.session, lang)];
      if (s.agendaItems.length > 0) lines.push(agendaItemsPhrase(s.agendaItems.map((i) => i.number), lang, 'masthead'));
      const itemTitles = s.agendaItems.map((i) => i.title?.[lang]).filter((t): t is string => t !== undefined);
      return [{ organ: organName('GA', lang), lines, itemTitles }];
    }
    return joint ? [{ organ: organName('SC', lang), lines: [yearWords(s.year - COUNCIL_YEAR_OFFSET, lang)], itemTitles: [] }] : [];
  });
  return {
    unitedNations: lang === 'fr' ? 'Nations Unies' : 'United Nations',
    symbols: m.symbols,
    organs: m.organs.map((o) => organName(o, lang)),
    distribution: DISTRIBUTION[m.distribution]![lang],
    date: m.issueDate ? formatDate(m.issueDate, lang) : '',
    versionLanguage,
    original,
    sessionColumns,
  };
}

// ---------------------------------------------------------------------------------------------
// Overrides and the title of any part

export function override(doc: RDocument, key: string, lang: Lang): string | undefined {
  return doc.overrides[key]?.[lang];
}

/**
 * The title of a part in a language: generated for letters (and statements), authored text for
 * the rest (the part's own entry in the text layer). `generated` says which.
 */
export function partTitle(doc: RDocument, part: Part, lang: Lang): { text: string; generated: boolean } {
  const o = override(doc, `title:${part.id}`, lang);
  if (o !== undefined) return { text: o, generated: true };
  if (part.kind === 'letter') return { text: letterTitle(doc, lang), generated: true };
  if (part.kind === 'body' && doc.meta.kind === 'presidential-statement') return { text: statementTitle(doc, lang), generated: true };
  const authored = doc.text[lang]?.[part.id];
  const text = authored ? authored.content.map((r) => (r.type === 'text' ? r.text : '')).join('') : '';
  return { text, generated: false };
}

/** Heading of an annex/enclosure, honouring its override. */
export function partHeadingText(doc: RDocument, part: Part, lang: Lang, numbering?: Numbering): string {
  const o = override(doc, `heading:${part.id}`, lang);
  if (o !== undefined) return o;
  const parent = listParts(doc).find((p) => p.part === part)?.parent;
  return partHeading(doc, part, parent, lang, numbering);
}

/** Text of a generated block (closing, opening), honouring its override. */
export function generatedBlockText(doc: RDocument, block: Block, part: Part, lang: Lang): string | undefined {
  if (block.kind === 'closing') return override(doc, `closing:${block.id}`, lang) ?? closingRequest(doc, part, lang);
  if (block.kind === 'opening') return override(doc, `opening:${block.id}`, lang) ?? statementOpening(doc, lang);
  return undefined;
}

/** Signature lines honouring the override (one line per newline; signatories separated by a blank line). */
export function signatureText(doc: RDocument, block: Extract<Block, { kind: 'signature' }>, lang: Lang): string[][] {
  const o = override(doc, `signature:${block.id}`, lang);
  if (o !== undefined) return o.split(/\n\s*\n/).map((s) => s.split('\n'));
  return signatureLines(doc, block, lang);
}
