import { describe, expect, it } from 'vitest';
import { PALETTE, colorAmong, personColor } from '../../src/renderer/team/colors';

/** WCAG relative luminance and contrast ratio against the white page. */
function contrastOnWhite(hex: string): number {
  const [r, g, b] = [1, 3, 5].map((i) => {
    const c = parseInt(hex.slice(i, i + 2), 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  const l = 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
  return 1.05 / (l + 0.05);
}

/** Two names the palette's hash gives the same colour (found by search, checked below). */
function collidingNames(): [string, string] {
  const seen = new Map<string, string>();
  for (let i = 0; ; i++) {
    const name = `Personne ${i}`;
    const c = personColor(name);
    const other = seen.get(c);
    if (other !== undefined) return [other, name];
    seen.set(c, name);
  }
}

describe('presence colours', () => {
  it('every colour is readable as text on the white page (WCAG AA, 4.5:1)', () => {
    for (const c of PALETTE) expect(contrastOnWhite(c), c).toBeGreaterThanOrEqual(4.5);
  });

  it('two people whose names give one colour get two colours: the one who came later moves', () => {
    const [first, later] = collidingNames();
    expect(personColor(first)).toBe(personColor(later));
    const a = { color: personColor(first), since: 1000, clientId: 9 };
    const b = { color: personColor(later), since: 2000, clientId: 3 };
    expect(colorAmong(first, a, [b])).toBe(a.color); // came first: keeps its colour
    const moved = colorAmong(later, b, [a]);
    expect(moved).not.toBe(a.color);
    expect(PALETTE).toContain(moved);
    // Once moved, it keeps the new colour (stable for the session) while the first is there.
    expect(colorAmong(later, { ...b, color: moved }, [a])).toBe(moved);
  });

  it('joined at the same moment: the lower awareness id keeps the colour', () => {
    const [x, y] = collidingNames();
    const a = { color: personColor(x), since: 5, clientId: 1 };
    const b = { color: personColor(y), since: 5, clientId: 2 };
    expect(colorAmong(x, a, [b])).toBe(a.color);
    expect(colorAmong(y, b, [a])).not.toBe(a.color);
  });

  it('eight people present take the eight colours; a ninth keeps its own', () => {
    const present = PALETTE.map((color, i) => ({ color, since: i, clientId: i }));
    const ninth = { color: PALETTE[0], since: 100, clientId: 100 };
    expect(colorAmong('Neuvième', ninth, present)).toBe(PALETTE[0]);
    const seven = present.slice(1);
    const newcomer = { color: PALETTE[3], since: 100, clientId: 100 };
    expect(colorAmong('Nouveau', newcomer, seven)).toBe(PALETTE[0]);
  });
});
