/** Counters as Word's number formats write them, so screen, model and DOCX agree. */

const ROMAN: [number, string][] = [
  [1000, 'M'], [900, 'CM'], [500, 'D'], [400, 'CD'], [100, 'C'], [90, 'XC'],
  [50, 'L'], [40, 'XL'], [10, 'X'], [9, 'IX'], [5, 'V'], [4, 'IV'], [1, 'I'],
];

/** 1 → "I", 14 → "XIV". */
export function toRoman(n: number): string {
  if (!Number.isInteger(n) || n < 1 || n > 3999) throw new RangeError(`no roman numeral for ${n}`);
  let out = '';
  let rest = n;
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
