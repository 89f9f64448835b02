/**
 * Dates and ordinals as UN documents write them.
 * English: "13 February 2017" (no comma, no ordinal), "4322nd meeting".
 * French: "13 février 2017", the first of the month "1er janvier", "8838e séance", "1re séance".
 */
import type { Lang } from '../model/schema';

/** The months as each language writes them in a date (the one table: dates, checker, importer). */
export const MONTHS: Readonly<Record<Lang, readonly string[]>> = {
  fr: ['janvier', 'février', 'mars', 'avril', 'mai', 'juin', 'juillet', 'août', 'septembre', 'octobre', 'novembre', 'décembre'],
  en: ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'],
};

export type DateParts = { year: number; month: number; day: number };

/** "2017-02-13" → { year: 2017, month: 2, day: 13 }; throws on anything else. */
export function parseIsoDate(iso: string): DateParts {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!m) throw new RangeError(`not a date (YYYY-MM-DD): "${iso}"`);
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const t = new Date(Date.UTC(year, month - 1, day));
  if (t.getUTCMonth() !== month - 1 || t.getUTCDate() !== day) throw new RangeError(`no such day: "${iso}"`);
  return { year, month, day };
}

/** "13 February 2017" / "13 février 2017" / "1er janvier 2016". */
export function formatDate(iso: string, lang: Lang): string {
  const { year, month, day } = parseIsoDate(iso);
  const d = lang === 'fr' && day === 1 ? '1er' : String(day);
  return `${d} ${MONTHS[lang][month - 1]} ${year}`;
}

/**
 * Ordinal in figures: English "1st", "22nd", "4322nd", "11th"; French "8838e", and for 1
 * "1er" (masculine) or "1re" (feminine: « 1re séance »).
 */
export function ordinalNumber(n: number, lang: Lang, gender: 'm' | 'f' = 'm'): string {
  if (!Number.isInteger(n) || n < 1) throw new RangeError(`no ordinal for ${n}`);
  if (lang === 'fr') return n === 1 ? (gender === 'f' ? '1re' : '1er') : `${n}e`;
  const tens = n % 100;
  if (tens >= 11 && tens <= 13) return `${n}th`;
  switch (n % 10) {
    case 1:
      return `${n}st`;
    case 2:
      return `${n}nd`;
    case 3:
      return `${n}rd`;
    default:
      return `${n}th`;
  }
}

/** Masthead date stamp as on page 1's footer: DDMMYY ("220217"). */
export function dateStamp(iso: string): string {
  const { year, month, day } = parseIsoDate(iso);
  return `${String(day).padStart(2, '0')}${String(month).padStart(2, '0')}${String(year % 100).padStart(2, '0')}`;
}

/**
 * Where a French ordinal suffix should be set in superscript ("1er", "8838e", "1re"):
 * returns [start, end) ranges of the suffix letters in `text`. Renderers and exporters use it.
 */
export function frenchOrdinalSuffixes(text: string): [number, number][] {
  const out: [number, number][] = [];
  const re = /\b(\d+)(er|re|e)(?=[\s\u00a0\u202f,.;:)]|$)/g;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const start = m.index + m[1]!.length;
    out.push([start, start + m[2]!.length]);
  }
  return out;
}
