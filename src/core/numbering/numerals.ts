/**
 * Counters as Word's number formats write them, so screen, model and DOCX agree; and read back
 * (the importer's labels, the checker's "annexes I à III") by the same tables.
 */

const ROMAN: [number, string][] = [
  [1000, 'M'], [900, 'CM'], [500, 'D'], [400, 'CD'], [100, 'C'], [90, 'XC'],
  [50, 'L'], [40, 'XL'], [10, 'X'], [9, 'IX'], [5, 'V'], [4, 'IV'], [1, 'I'],
];

/**
 * 1 → "I", 14 → "XIV". Past 3,999 (where roman numerals stop) the thousands are written as that
 * many M ("MMMM" for 4,000), so a list may run on without a limit; zero and below have no numeral.
 */
export function toRoman(n: number): string {
  if (!Number.isInteger(n) || n < 1) throw new RangeError(`no roman numeral for ${n}`);
  let out = 'M'.repeat(Math.max(0, Math.floor(n / 1000) - 3));
  let rest = n - out.length * 1000;
  for (const [value, sym] of ROMAN) {
    while (rest >= value) {
      out += sym;
      rest -= value;
    }
  }
  return out;
}

/** Word's lowerLetter: 1 → "a", 26 → "z", 27 → "aa", 28 → "bb". */
export function toLetter(n: number): string {
  if (!Number.isInteger(n) || n < 1) throw new RangeError(`no letter for ${n}`);
  const letter = String.fromCharCode(97 + ((n - 1) % 26));
  return letter.repeat(Math.floor((n - 1) / 26) + 1);
}

const ROMAN_DIGITS: Record<string, number> = { i: 1, v: 5, x: 10, l: 50, c: 100, d: 500, m: 1000 };

/** "XIV" or "xiv" → 14; undefined for anything toRoman would not write ("IIII", "IC", "ABC"). */
export function fromRoman(s: string): number | undefined {
  const t = s.toLowerCase();
  if (!/^[ivxlcdm]+$/.test(t)) return undefined;
  let total = 0;
  for (let i = 0; i < t.length; i++) {
    const a = ROMAN_DIGITS[t[i]!]!;
    const b = ROMAN_DIGITS[t[i + 1] ?? ''] ?? 0;
    total += a < b ? -a : a;
  }
  return total > 0 && total < 4000 && toRoman(total).toLowerCase() === t ? total : undefined;
}

/** toLetter's inverse: "a" → 1, "bb" → 28; undefined for anything toLetter would not write. */
export function fromLetter(s: string): number | undefined {
  const t = s.toLowerCase();
  if (!/^([a-z])\1*$/.test(t)) return undefined;
  return (t.length - 1) * 26 + (t.charCodeAt(0) - 96);
}
