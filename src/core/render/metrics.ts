/**
 * How wide text is set in Times New Roman (and Liberation Serif, which has its metrics), without
 * a font file: the advance widths of Adobe's Times-Roman metrics, in thousandths of the font size.
 * Enough to size table columns so that no word is broken; not a typesetter. Accented letters take
 * the width of their base letter (é → e, Ç → C); characters not in the table take a wide default,
 * so an estimate errs towards too wide, never too narrow.
 */

const ASCII_WIDTHS =
  // ' ' to '~' (32–126)
  [250, 333, 408, 500, 500, 833, 778, 180, 333, 333, 500, 564, 250, 333, 250, 278,
   500, 500, 500, 500, 500, 500, 500, 500, 500, 500, 278, 278, 564, 564, 564, 444,
   921, 722, 667, 667, 722, 611, 556, 722, 722, 333, 389, 722, 611, 889, 722, 722,
   556, 722, 667, 556, 611, 722, 722, 944, 722, 722, 611, 333, 278, 333, 469, 500,
   333, 444, 500, 444, 500, 444, 333, 500, 500, 278, 278, 500, 278, 778, 500, 500,
   500, 500, 333, 389, 278, 500, 500, 722, 500, 500, 444, 480, 200, 480, 541];

const OTHER_WIDTHS: Record<string, number> = {
  '\u00a0': 250, '\u202f': 167, '«': 500, '»': 500, '‘': 333, '’': 333, '“': 444, '”': 444, '–': 500, '—': 1000,
  '…': 1000, '•': 350, '°': 400, '€': 500, 'œ': 722, 'Œ': 889, 'æ': 667, 'Æ': 889, 'ß': 500, '§': 500, '№': 1000,
};

/** Wider than any Latin letter but M and W: unknown characters are not under-estimated. */
const DEFAULT_WIDTH = 722;

/** Bold Times is up to a tenth wider than roman. */
const BOLD_FACTOR = 1.1;

function charWidth(ch: string): number {
  const code = ch.charCodeAt(0);
  if (code >= 32 && code <= 126) return ASCII_WIDTHS[code - 32]!;
  const other = OTHER_WIDTHS[ch];
  if (other !== undefined) return other;
  const base = ch.normalize('NFD').charAt(0);
  const b = base.charCodeAt(0);
  return base !== ch && b >= 32 && b <= 126 ? ASCII_WIDTHS[b - 32]! : DEFAULT_WIDTH;
}

/** Width in points of `text` set at `size` pt (on one line). */
export function textWidth(text: string, size: number, bold = false): number {
  let units = 0;
  for (const ch of text) units += charWidth(ch);
  return (units * size * (bold ? BOLD_FACTOR : 1)) / 1000;
}
