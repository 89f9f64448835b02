/** A person's colour (caret, name tag, presence list): the same on every screen, from their name. */
const PALETTE = ['#b3261e', '#1b6e3a', '#1a56a8', '#8a4b00', '#6a2c91', '#00707a', '#a3195b', '#4d5b00'] as const;

export function personColor(name: string): string {
  let h = 0;
  for (const ch of name) h = (h * 31 + ch.codePointAt(0)!) >>> 0;
  return PALETTE[h % PALETTE.length]!;
}
