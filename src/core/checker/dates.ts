/**
 * The checker's rules on dates written in the text: "31 avril" does not exist; French writes
 * « 1er janvier » and « 2 janvier », English "3 March 2024" (day first, no ordinal, no comma).
 */
import type { Lang } from '../model/schema';
import { MONTHS } from '../locale/dates';
import type { Finding } from './findings';

const DAYS_IN_MONTH = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

const FR_DATE = new RegExp(`\\b(\\d{1,2})(er)?\\s+(${MONTHS.fr.join('|')})(?:\\s+(\\d{4}))?\\b`, 'giu');
const EN_DATE_DMY = new RegExp(`\\b(\\d{1,2})(st|nd|rd|th)?\\s+(${MONTHS.en.join('|')})\\b(?:\\s+(\\d{4}))?`, 'gu');
const EN_DATE_MDY = new RegExp(`\\b(${MONTHS.en.join('|')})\\s+(\\d{1,2})(?:st|nd|rd|th)?,?\\s+(\\d{4})\\b`, 'gu');

function validDay(day: number, month: number, year: number | undefined): boolean {
  if (day < 1 || day > DAYS_IN_MONTH[month - 1]!) return false;
  if (month === 2 && day === 29 && year !== undefined) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  return true;
}

/** Days that do not exist (30 février) and dates not written the UN's way (1 janvier, March 3, 2024). */
export function checkDates(text: string, lang: Lang, where: { blockId?: string; partId?: string }, out: Finding[]): void {
  if (lang === 'fr') {
    for (const m of text.matchAll(FR_DATE)) {
      const day = Number(m[1]);
      const month = MONTHS.fr.indexOf(m[3]!.toLowerCase()) + 1;
      const year = m[4] !== undefined ? Number(m[4]) : undefined;
      if (!validDay(day, month, year)) {
        out.push({ severity: 'error', code: 'date-invalid', ...where, lang, params: { text: m[0] } });
      } else if (day === 1 && m[2] === undefined) {
        out.push({ severity: 'warning', code: 'date-format', ...where, lang, params: { text: m[0], expected: m[0].replace(/^1\b/, '1er') } });
      } else if (day !== 1 && m[2] !== undefined) {
        out.push({ severity: 'warning', code: 'date-format', ...where, lang, params: { text: m[0], expected: m[0].replace(/^(\d+)er/, '$1') } });
      }
    }
    return;
  }
  for (const m of text.matchAll(EN_DATE_MDY)) {
    const month = MONTHS.en.indexOf(m[1]!) + 1;
    const day = Number(m[2]);
    const expected = `${day} ${m[1]} ${m[3]}`;
    if (!validDay(day, month, Number(m[3]))) out.push({ severity: 'error', code: 'date-invalid', ...where, lang, params: { text: m[0] } });
    else out.push({ severity: 'warning', code: 'date-format', ...where, lang, params: { text: m[0], expected } });
  }
  for (const m of text.matchAll(EN_DATE_DMY)) {
    const day = Number(m[1]);
    const month = MONTHS.en.indexOf(m[3]!) + 1;
    const year = m[4] !== undefined ? Number(m[4]) : undefined;
    if (!validDay(day, month, year)) out.push({ severity: 'error', code: 'date-invalid', ...where, lang, params: { text: m[0].trim() } });
    else if (m[2] !== undefined) {
      out.push({ severity: 'warning', code: 'date-format', ...where, lang, params: { text: m[0].trim(), expected: `${day} ${m[3]}${year !== undefined ? ` ${year}` : ''}` } });
    }
  }
}
