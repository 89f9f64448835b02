/**
 * Numbers in words, French and English, as UN documents write session and year lines
 * ("Soixante et onzième session", "Seventy-first session") and part headings ("Première partie").
 * French follows the traditional spelling the UN uses (soixante et onze, quatre-vingts).
 */
import type { Lang } from '../model/schema';

const FR_UNITS = ['zéro', 'un', 'deux', 'trois', 'quatre', 'cinq', 'six', 'sept', 'huit', 'neuf', 'dix',
  'onze', 'douze', 'treize', 'quatorze', 'quinze', 'seize', 'dix-sept', 'dix-huit', 'dix-neuf'];
const FR_TENS = ['', '', 'vingt', 'trente', 'quarante', 'cinquante', 'soixante'];

function frBelow100(n: number): string {
  if (n < 20) return FR_UNITS[n]!;
  if (n < 70) {
    const t = Math.floor(n / 10);
    const u = n % 10;
    if (u === 0) return FR_TENS[t]!;
    if (u === 1) return `${FR_TENS[t]} et un`;
    return `${FR_TENS[t]}-${FR_UNITS[u]}`;
  }
  if (n < 80) return n === 71 ? 'soixante et onze' : `soixante-${FR_UNITS[n - 60]}`;
  if (n === 80) return 'quatre-vingts';
  return `quatre-vingt-${FR_UNITS[n - 80]}`;
}

/** French cardinal in words, 0–999 999. */
export function frenchCardinal(n: number): string {
  if (!Number.isInteger(n) || n < 0 || n > 999_999) throw new RangeError(`no words for ${n}`);
  if (n < 100) return frBelow100(n);
  if (n < 1000) {
    const h = Math.floor(n / 100);
    const rest = n % 100;
    const head = h === 1 ? 'cent' : `${FR_UNITS[h]} cent${rest === 0 ? 's' : ''}`;
    return rest === 0 ? head : `${head} ${frBelow100(rest)}`;
  }
  const th = Math.floor(n / 1000);
  const rest = n % 1000;
  const head = th === 1 ? 'mille' : `${frenchCardinal(th).replace(/cents$/, 'cent').replace(/vingts$/, 'vingt')} mille`;
  return rest === 0 ? head : `${head} ${frenchCardinal(rest)}`;
}

/** French ordinal in words, feminine or masculine for 1: "première", "soixante et onzième". */
export function frenchOrdinal(n: number, gender: 'm' | 'f' = 'f'): string {
  if (n === 1) return gender === 'f' ? 'première' : 'premier';
  // "quatre-vingts" and "deux cents" lose their plural s: quatre-vingtième, deux centième.
  const c = frenchCardinal(n).replace(/(vingt|cent)s$/, '$1');
  if (c.endsWith('cinq')) return `${c}uième`;
  if (c.endsWith('neuf')) return `${c.slice(0, -1)}vième`;
  if (c.endsWith('e')) return `${c.slice(0, -1)}ième`;
  return `${c}ième`;
}

const EN_UNITS = ['zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten',
  'eleven', 'twelve', 'thirteen', 'fourteen', 'fifteen', 'sixteen', 'seventeen', 'eighteen', 'nineteen'];
const EN_TENS = ['', '', 'twenty', 'thirty', 'forty', 'fifty', 'sixty', 'seventy', 'eighty', 'ninety'];

/** English cardinal in words, 0–999 999. */
export function englishCardinal(n: number): string {
  if (!Number.isInteger(n) || n < 0 || n > 999_999) throw new RangeError(`no words for ${n}`);
  if (n < 20) return EN_UNITS[n]!;
  if (n < 100) {
    const t = EN_TENS[Math.floor(n / 10)]!;
    return n % 10 === 0 ? t : `${t}-${EN_UNITS[n % 10]}`;
  }
  if (n < 1000) {
    const rest = n % 100;
    const head = `${EN_UNITS[Math.floor(n / 100)]} hundred`;
    return rest === 0 ? head : `${head} and ${englishCardinal(rest)}`;
  }
  const rest = n % 1000;
  const head = `${englishCardinal(Math.floor(n / 1000))} thousand`;
  return rest === 0 ? head : `${head}${rest < 100 ? ' and' : ''} ${englishCardinal(rest)}`;
}

const EN_ORD_IRREGULAR: Record<string, string> = {
  one: 'first', two: 'second', three: 'third', five: 'fifth', eight: 'eighth', nine: 'ninth', twelve: 'twelfth',
};

/** English ordinal in words: "first", "seventy-first", "sixty-fifth". */
export function englishOrdinal(n: number): string {
  const c = englishCardinal(n);
  const m = /([a-z]+)$/.exec(c)!;
  const last = m[1]!;
  const head = c.slice(0, c.length - last.length);
  const irregular = EN_ORD_IRREGULAR[last];
  if (irregular) return head + irregular;
  if (last.endsWith('y')) return `${head}${last.slice(0, -1)}ieth`;
  return `${head}${last}th`;
}

export function capitalize(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

/** "Première partie" / "Part one". */
export function partOrdinalWords(n: number, lang: Lang): string {
  return lang === 'fr' ? `${capitalize(frenchOrdinal(n, 'f'))} partie` : `Part ${englishCardinal(n)}`;
}

/** "Soixante et onzième session" / "Seventy-first session". */
export function sessionWords(n: number, lang: Lang): string {
  return lang === 'fr' ? `${capitalize(frenchOrdinal(n, 'f'))} session` : `${capitalize(englishOrdinal(n))} session`;
}

/** "Soixante-cinquième année" / "Sixty-fifth year". */
export function yearWords(n: number, lang: Lang): string {
  return lang === 'fr' ? `${capitalize(frenchOrdinal(n, 'f'))} année` : `${capitalize(englishOrdinal(n))} year`;
}
