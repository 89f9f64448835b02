/**
 * Code 39, the barcode under the job number on page 1 of an issued document (un-format.md "Page
 * furniture": `*1702619*`): each character is 9 elements, bar and space alternately from a bar,
 * three of them wide; characters are separated by a narrow space; the text is framed by `*`.
 * Renderers draw these modules in their own medium (the DOCX export as a PNG, the print view as
 * SVG).
 */

const PATTERNS: Record<string, string> = {
  '0': 'nnnwwnwnn', '1': 'wnnwnnnnw', '2': 'nnwwnnnnw', '3': 'wnwwnnnnn', '4': 'nnnwwnnnw',
  '5': 'wnnwwnnnn', '6': 'nnwwwnnnn', '7': 'nnnwnnwnw', '8': 'wnnwnnwnn', '9': 'nnwwnnwnn',
  A: 'wnnnnwnnw', B: 'nnwnnwnnw', C: 'wnwnnwnnn', D: 'nnnnwwnnw', E: 'wnnnwwnnn',
  F: 'nnwnwwnnn', G: 'nnnnnwwnw', H: 'wnnnnwwnn', I: 'nnwnnwwnn', J: 'nnnnwwwnn',
  K: 'wnnnnnnww', L: 'nnwnnnnww', M: 'wnwnnnnwn', N: 'nnnnwnnww', O: 'wnnnwnnwn',
  P: 'nnwnwnnwn', Q: 'nnnnnnwww', R: 'wnnnnnwwn', S: 'nnwnnnwwn', T: 'nnnnwnwwn',
  U: 'wwnnnnnnw', V: 'nwwnnnnnw', W: 'wwwnnnnnn', X: 'nwnnwnnnw', Y: 'wwnnwnnnn',
  Z: 'nwwnwnnnn', '-': 'nwnnnnwnw', '.': 'wwnnnnwnn', ' ': 'nwwnnnwnn', '*': 'nwnnwnwnn',
  $: 'nwnwnwnnn', '/': 'nwnwnnnwn', '+': 'nwnnnwnwn', '%': 'nnnwnwnwn',
};

export const CODE39_PATTERNS: Readonly<Record<string, string>> = PATTERNS;

/** Bar/space widths in modules for `text` (which must include its `*` frame). */
export function code39Modules(text: string, narrow = 1, wide = 3): { bar: boolean; width: number }[] {
  const out: { bar: boolean; width: number }[] = [];
  [...text].forEach((ch, i) => {
    const p = PATTERNS[ch];
    if (!p) throw new RangeError(`Code 39 has no "${ch}"`);
    if (i > 0) out.push({ bar: false, width: narrow });
    [...p].forEach((e, k) => out.push({ bar: k % 2 === 0, width: e === 'w' ? wide : narrow }));
  });
  return out;
}
