/**
 * The reporting period of a report (`meta.reportingPeriod`, from–to) as the documents write it:
 * « du 1er janvier au 31 décembre 2017 » / "from 1 January to 31 December 2017" (the year once
 * when both ends share it), the clause a report's title ends with (« au cours de la période
 * allant du … » / "for the period from …"), and the same phrase found in a text.
 */
import type { Lang, RDocument } from '../model/schema';
import { formatDate, MONTHS, parseIsoDate } from '../locale/dates';

export type ReportingPeriod = { from: string; to: string };

/** « du 1er janvier au 31 décembre 2017 » / "from 1 January to 31 December 2017". */
export function periodPhrase(p: ReportingPeriod, lang: Lang): string {
  const sameYear = parseIsoDate(p.from).year === parseIsoDate(p.to).year;
  const from = sameYear ? formatDate(p.from, lang).replace(/ \d{4}$/, '') : formatDate(p.from, lang);
  const to = formatDate(p.to, lang);
  return lang === 'fr' ? `du ${from} au ${to}` : `from ${from} to ${to}`;
}

const CLAUSE: Record<Lang, string> = { fr: 'au cours de la période allant', en: 'for the period' };

/** What a report's title ends with: « au cours de la période allant du … au … » / "for the period from … to …". */
export function periodClause(p: ReportingPeriod, lang: Lang): string {
  return `${CLAUSE[lang]} ${periodPhrase(p, lang)}`;
}

const pad = (n: number) => String(n).padStart(2, '0');
const DAY = '(1er|\\d{1,2})';
const month = (lang: Lang) => `(${MONTHS[lang].join('|')})`;
/** « du 1er janvier [2016] au 31 décembre 2016 » / "from 1 January [2016] to 31 December 2016". */
const PHRASE: Record<Lang, RegExp> = {
  fr: new RegExp(`du\\s+${DAY}\\s+${month('fr')}(?:\\s+(\\d{4}))?\\s+au\\s+${DAY}\\s+${month('fr')}\\s+(\\d{4})`, 'u'),
  en: new RegExp(`from\\s+${DAY}\\s+${month('en')}(?:\\s+(\\d{4}))?\\s+to\\s+${DAY}\\s+${month('en')}\\s+(\\d{4})`, 'u'),
};

/** The first reporting period a text states, where it stands in the text (typographic spaces read as spaces). */
export function findPeriod(text: string, lang: Lang): { period: ReportingPeriod; index: number; length: number } | undefined {
  const m = PHRASE[lang].exec(text.replace(/[\u00a0\u202f]/g, ' '));
  if (!m) return undefined;
  const [, d1, m1, y1, d2, m2, y2] = m;
  const day = (d: string) => (d === '1er' ? 1 : Number(d));
  const iso = (y: number, mo: string, d: string) => `${y}-${pad(MONTHS[lang].indexOf(mo) + 1)}-${pad(day(d))}`;
  const to = iso(Number(y2), m2!, d2!);
  const from = iso(y1 !== undefined ? Number(y1) : Number(y2), m1!, d1!);
  try {
    parseIsoDate(from);
    parseIsoDate(to);
  } catch {
    return undefined;
  }
  return from <= to ? { period: { from, to }, index: m.index, length: m[0].length } : undefined;
}

/** A date one year later (29 February becomes 28 February). */
export function nextYearDate(iso: string): string {
  const { year, month: mo, day } = parseIsoDate(iso);
  const last = new Date(Date.UTC(year + 1, mo, 0)).getUTCDate();
  return `${year + 1}-${pad(mo)}-${pad(Math.min(day, last))}`;
}

/** The report's own title (a body part of a report) ends with the period clause, unless it states a period itself. */
export function reportTitle(doc: RDocument, authored: string, lang: Lang): string | undefined {
  const p = doc.meta.reportingPeriod;
  if (!p || findPeriod(authored, lang)) return undefined;
  return authored.trim() === '' ? undefined : `${authored.trim()} ${periodClause(p, lang)}`;
}

/** A report's title without the period it stated (« … au cours de la période allant du … »), when it ends with it. */
export function titleSubject(title: string, lang: Lang): string | undefined {
  const found = findPeriod(title, lang);
  if (!found) return undefined;
  const before = title.slice(0, found.index).replace(/\s*(au cours de la période allant|pour la période allant|durant la période allant|for the period|covering the period)\s*$/u, '');
  const after = title.slice(found.index + found.length).trim();
  return after === '' || after === '.' ? before.trim() : undefined;
}
