/**
 * The lines of the first-page masthead: "United Nations", symbols, organs, distribution, date,
 * version language, original language, and the session columns of joint documents.
 */
import { COUNCIL_YEAR_OFFSET, type Lang, type RDocument } from '../model/schema';
import { formatDate } from '../locale/dates';
import { sessionWords, yearWords } from '../locale/numberWords';
import { agendaItemsPhrase } from './letters';

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

function organName(organ: string, lang: Lang): string {
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
