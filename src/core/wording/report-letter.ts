/**
 * The opening sentence of an annual report's cover letter, generated so that the reporting period
 * is stated once (`meta.reportingPeriod`, as the report's title reads it, period.ts):
 *   « En ma qualité de Président du Groupe de travail …, j'ai l'honneur de vous faire tenir
 *   ci-joint le rapport sur les activités menées par le Groupe de travail … au cours de la période
 *   allant du 1er janvier au 31 décembre 2017. »
 * The chair is the sender if the sender chairs, else the document's person with a `chair` role;
 * what is transmitted is the report's own authored title (its period taken off), else « le
 * rapport sur les activités menées par le Groupe de travail ». The `opening:<blockId>` override
 * replaces the whole sentence (generated.ts).
 */
import type { Lang, Person, RDocument } from '../model/schema';
import { listParts } from '../model/walk';
import { periodClause, titleSubject } from './period';
import { findPerson, MISSING, roleEn, roleFr } from './roles';

const FALLBACK: Record<Lang, string> = {
  fr: 'le rapport sur les activités menées par le Groupe de travail',
  en: 'the report on the activities of the Working Group',
};
const NO_PERIOD: Record<Lang, string> = { fr: `au cours de la période allant du ${MISSING} au ${MISSING}`, en: `for the period from ${MISSING} to ${MISSING}` };

function chairOf(doc: RDocument): Person | undefined {
  const sender = findPerson(doc, doc.meta.sender);
  if (sender?.role.kind === 'chair') return sender;
  return doc.meta.people.find((p) => p.role.kind === 'chair');
}

/** The report's title as the object of « vous faire tenir ci-joint »: « le rapport sur … », its period taken off. */
function transmitted(doc: RDocument, lang: Lang): string {
  const report = listParts(doc).find(({ part }) => part.kind === 'body' && part.bodyType === 'report')?.part;
  const runs = report ? (doc.text[lang]?.[report.id]?.content ?? []) : [];
  if (runs.length === 0 || runs.some((r) => r.type === 'text' && r.placeholder)) return FALLBACK[lang];
  const whole = runs.map((r) => (r.type === 'text' ? r.text : '')).join('').replace(/\s+/g, ' ').trim();
  // the period the title may state is the letter's own clause
  const title = titleSubject(whole, lang) ?? whole;
  if (title === '') return FALLBACK[lang];
  const lower = title.charAt(0).toLowerCase() + title.slice(1);
  if (lang === 'fr') return /^rapport\b/u.test(lower) ? `le ${lower}` : lower;
  return /^report\b/u.test(lower) ? `the ${lower}` : lower;
}

export function reportLetterOpening(doc: RDocument, lang: Lang): string {
  const p = doc.meta.reportingPeriod;
  const clause = p ? periodClause(p, lang) : NO_PERIOD[lang];
  const chair = chairOf(doc);
  const what = transmitted(doc, lang);
  if (lang === 'fr') {
    const lead = chair ? `En ma qualité de ${roleFr(doc, chair, false).rest}, j'ai` : "J'ai";
    return `${lead} l'honneur de vous faire tenir ci-joint ${what} ${clause}.`;
  }
  const lead = chair ? `In my capacity as ${roleEn(doc, chair, false).replace(/^the /, '')}, I have` : 'I have';
  return `${lead} the honour to transmit herewith ${what} ${clause}.`;
}
