/**
 * Letters: the title in each language's word order, the heading of an annex to a letter, the
 * « [Original : …] » marker, and the closing request that asks for the letter to be circulated.
 */
import type { Lang, Part, RDocument, Session } from '../model/schema';
import { formatDate } from '../locale/dates';
import { capitalize, englishOrdinal, frenchOrdinal } from '../locale/numberWords';
import { numberDocument, type Numbering } from '../numbering/numbering';
import { addresseesEn, addresseesFrA, fr, frDe, frWithArticle, joinList, MISSING, roleEn, roleFr, findPerson, type FrPhrase } from './roles';

// ---------------------------------------------------------------------------------------------
// Letter titles and annex headings

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

export function agendaItemsPhrase(numbers: number[], lang: Lang, form: 'masthead' | 'sentence'): string {
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
