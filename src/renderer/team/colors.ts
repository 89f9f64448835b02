/**
 * A person's colour (caret, name tag, presence list). Each starts from the one their name gives,
 * the same on every screen; two people in one dossier never share one: whoever came later (then
 * the higher awareness id) takes the next colour nobody there has, and keeps it for the session.
 * Every colour is dark enough for text on the white page (WCAG AA, 4.5:1).
 */
export const PALETTE = ['#b3261e', '#1b6e3a', '#1a56a8', '#8a4b00', '#6a2c91', '#00707a', '#a3195b', '#4d5b00'] as const;

function nameIndex(name: string): number {
  let h = 0;
  for (const ch of name) h = (h * 31 + ch.codePointAt(0)!) >>> 0;
  return h % PALETTE.length;
}

export function personColor(name: string): string {
  return PALETTE[nameIndex(name)]!;
}

/** One person present, as their awareness state says: colour, when they joined, their id. */
export type Present = { color: string; since: number; clientId: number };

const before = (a: Present, b: Present) => a.since < b.since || (a.since === b.since && a.clientId < b.clientId);

/**
 * The colour this window should show for `me` among `others`: the one it has, unless someone who
 * came first has it; then the first free one from the name's own. With more people than colours,
 * it keeps its own.
 */
export function colorAmong(name: string, me: Present, others: readonly Present[]): string {
  if (!others.some((o) => o.color === me.color && before(o, me))) return me.color;
  const taken = new Set(others.map((o) => o.color));
  const start = nameIndex(name);
  for (let i = 0; i < PALETTE.length; i++) {
    const c = PALETTE[(start + i) % PALETTE.length]!;
    if (!taken.has(c)) return c;
  }
  return me.color;
}
