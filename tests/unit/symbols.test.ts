/**
 * UN document symbols: parsing the forms in the Editorial Manual, normalising what drafters
 * type (hyphen for en dash, "rev.1"), and rejecting what is wrong with a stable code.
 */
import { describe, expect, it } from 'vitest';
import { isValidSymbol, parseSymbol, splitSeriesLetter, type ParsedSymbol } from '../../src/core/symbols/symbol';

function one(input: string): ParsedSymbol {
  const p = parseSymbol(input);
  expect(p.issues).toEqual([]);
  expect(p.ok).toBe(true);
  expect(p.symbols).toHaveLength(1);
  return p.symbols[0]!;
}

function codes(input: string, severity?: 'error' | 'warning'): string[] {
  return parseSymbol(input)
    .issues.filter((i) => !severity || i.severity === severity)
    .map((i) => i.code);
}

describe('valid symbols parse with the right fields', () => {
  it('Security Council document S/2017/138', () => {
    expect(one('S/2017/138')).toEqual({
      text: 'S/2017/138',
      organ: 'S',
      components: ['S', '2017', '138'],
      year: 2017,
      number: 138,
      reissue: false,
    });
  });

  it('presidential statement S/PRST/2021/13', () => {
    expect(one('S/PRST/2021/13')).toMatchObject({ organ: 'S', series: 'PRST', year: 2021, number: 13 });
  });

  it('Security Council resolution with its year: S/RES/2223 (2015)', () => {
    const s = one('S/RES/2223 (2015)');
    expect(s).toMatchObject({ text: 'S/RES/2223 (2015)', series: 'RES', number: 2223, year: 2015 });
    expect(s.components).toEqual(['S', 'RES', '2223']);
  });

  it('General Assembly resolution A/RES/70/1', () => {
    expect(one('A/RES/70/1')).toMatchObject({ organ: 'A', series: 'RES', session: 70, number: 1 });
  });

  it('joint symbol A/71/794–S/2017/135 gives two symbols', () => {
    const p = parseSymbol('A/71/794–S/2017/135');
    expect(p).toMatchObject({ ok: true, normalized: 'A/71/794–S/2017/135', issues: [] });
    expect(p.symbols).toHaveLength(2);
    expect(p.symbols[0]).toMatchObject({ text: 'A/71/794', organ: 'A', session: 71, number: 794 });
    expect(p.symbols[1]).toMatchObject({ text: 'S/2017/135', organ: 'S', year: 2017, number: 135 });
  });

  it('stacked suffixes S/2024/10/Rev.1/Add.36', () => {
    const s = one('S/2024/10/Rev.1/Add.36');
    expect(s).toMatchObject({ year: 2024, number: 10, revision: 1, addendum: 36 });
    expect(s.corrigendum).toBeUndefined();
    expect(s.components).toEqual(['S', '2024', '10', 'Rev.1', 'Add.36']);
  });

  it('corrigendum A/70/95/Corr.1 and amendment', () => {
    expect(one('A/70/95/Corr.1')).toMatchObject({ session: 70, number: 95, corrigendum: 1 });
    expect(one('A/C.5/75/L.1/Rev.2/Amend.3')).toMatchObject({ revision: 2, amendment: 3 });
  });

  it('reissue marks S/2017/138* and S/2017/138**', () => {
    expect(one('S/2017/138*')).toMatchObject({ text: 'S/2017/138*', reissue: true, year: 2017, number: 138 });
    expect(one('S/2017/138**')).toMatchObject({ reissue: true });
    expect(one('S/2017/138').reissue).toBe(false);
  });

  it('Human Rights Council A/HRC/46/1', () => {
    expect(one('A/HRC/46/1')).toMatchObject({ organ: 'A', components: ['A', 'HRC', '46', '1'], session: 46, number: 1 });
  });

  it('Main Committee draft A/C.5/75/L.1', () => {
    expect(one('A/C.5/75/L.1')).toMatchObject({ organ: 'A', series: 'L', session: 75, number: 1 });
  });

  it('functional commission E/CN.4/2005/1', () => {
    expect(one('E/CN.4/2005/1')).toMatchObject({ organ: 'E', year: 2005, number: 1 });
  });

  it("Secretary-General's bulletin ST/SGB/2019/8", () => {
    expect(one('ST/SGB/2019/8')).toMatchObject({ organ: 'ST', components: ['ST', 'SGB', '2019', '8'], year: 2019, number: 8 });
  });

  it('other roots and series', () => {
    expect(one('S/PV.8000')).toMatchObject({ series: 'PV', number: 8000 });
    expect(one('A/71/PV.50')).toMatchObject({ series: 'PV', session: 71, number: 50 });
    expect(one('E/CN.6/2020/INF/1')).toMatchObject({ series: 'INF', year: 2020, number: 1 });
    expect(one('A/ES-10/L.22')).toMatchObject({ series: 'L', number: 22 });
    expect(one('E/CN.4/Sub.2/2005/1')).toMatchObject({ year: 2005, number: 1 });
    for (const s of ['T/1/1', 'DP/2020/1', 'UNEP/EA.5/1', 'TD/B/67/1', 'CRC/C/GC/25', 'CCPR/C/GC/36', 'CEDAW/C/GC/38', 'CERD/C/GC/36', 'CAT/C/GC/4', 'S/25704']) {
      expect(isValidSymbol(s), s).toBe(true);
    }
  });

  it('surrounding whitespace is trimmed silently, and `at` still indexes the input', () => {
    const p = parseSymbol('  S/2017/138 \n');
    expect(p).toMatchObject({ ok: true, normalized: 'S/2017/138', issues: [] });
    expect(parseSymbol('  X/2017/1').issues[0]).toMatchObject({ code: 'unknown-organ', at: 2 });
  });
});

describe('warnings come with the normalised form', () => {
  it('hyphen-joined seed text A/70/95-S/2015/446', () => {
    const p = parseSymbol('A/70/95-S/2015/446');
    expect(p.ok).toBe(true);
    expect(p.normalized).toBe('A/70/95–S/2015/446');
    expect(p.symbols.map((s) => s.text)).toEqual(['A/70/95', 'S/2015/446']);
    expect(p.issues).toHaveLength(1);
    expect(p.issues[0]).toMatchObject({ severity: 'warning', code: 'joint-dash', at: 7 });
    expect(p.issues[0]!.message).toContain('en dash "–" without spaces');
  });

  it('spaces around the dash', () => {
    for (const s of ['A/70/95 – S/2015/446', 'A/70/95 - S/2015/446', 'A/70/95—S/2015/446']) {
      const p = parseSymbol(s);
      expect(p, s).toMatchObject({ ok: true, normalized: 'A/70/95–S/2015/446' });
      expect(codes(s), s).toEqual(['joint-dash']);
    }
  });

  it('a hyphen inside a special-session component is not a joint', () => {
    expect(parseSymbol('A/RES/ES-10/19')).toMatchObject({ ok: true, issues: [] });
    expect(parseSymbol('A/HRC/S-28/1').symbols).toHaveLength(1);
  });

  it('lowercase suffix', () => {
    const p = parseSymbol('S/2017/138/rev.1');
    expect(p).toMatchObject({ ok: true, normalized: 'S/2017/138/Rev.1' });
    expect(p.symbols[0]?.revision).toBe(1);
    expect(p.issues[0]).toMatchObject({ severity: 'warning', code: 'suffix-case', at: 11 });
    expect(p.issues[0]!.message).toContain('suffixes are written "Rev.1", "Add.1", "Corr.1"');
  });

  it('suffix typed without the dot', () => {
    expect(parseSymbol('S/2017/138/Rev 1')).toMatchObject({ ok: true, normalized: 'S/2017/138/Rev.1' });
    expect(codes('S/2017/138/Rev 1')).toEqual(['suffix-form']);
  });

  it('out-of-order and duplicate suffixes', () => {
    const p = parseSymbol('S/2017/138/Add.1/Rev.1');
    expect(p.ok).toBe(true);
    expect(p.normalized).toBe('S/2017/138/Add.1/Rev.1');
    expect(p.issues).toEqual([expect.objectContaining({ severity: 'warning', code: 'suffix-order' })]);
    expect(codes('S/2017/138/Rev.1/Rev.2')).toEqual(['suffix-duplicate']);
  });

  it('resolution year without its space', () => {
    const p = parseSymbol('S/RES/2223(2015)');
    expect(p).toMatchObject({ ok: true, normalized: 'S/RES/2223 (2015)' });
    expect(codes('S/RES/2223(2015)')).toEqual(['spacing']);
  });

  it('lowercase components after the organ', () => {
    expect(parseSymbol('A/hrc/46/1')).toMatchObject({ ok: true, normalized: 'A/HRC/46/1' });
    expect(codes('A/hrc/46/1')).toEqual(['case']);
  });
});

describe('errors: ok is false and the code is stable', () => {
  const cases: [string, string, string?][] = [
    ['', 'empty', 'empty symbol'],
    ['   ', 'empty', 'empty symbol'],
    ['X/2017/1', 'unknown-organ', 'unknown organ "X" at the start of "X/2017/1": a UN symbol starts with A/, S/, E/, ST/'],
    ['S/17/138', 'year', '"S/17/138": a Security Council document number needs a four-digit year (S/2017/138)'],
    ['S/2017/138/Rev', 'suffix-number', '"S/2017/138/Rev": "Rev" needs a number (Rev.1)'],
    ['S/2017/138/Add.0', 'suffix-number'],
    ['A/70/95–S/2015/446–E/2015/1', 'too-many'],
    ['s/2017/138', 'organ-case', '(S/2017/138)'],
    ['S/1945/1', 'year', '1946–2100'],
    ['S/2101/1', 'year'],
    ['S/RES/2223 (15)', 'year'],
    ['S/PRST/2021', 'incomplete'],
    ['S', 'incomplete'],
    ['S//2017/1', 'empty-component'],
    ['S/2017/138/', 'empty-component'],
    ['S\\2017\\138', 'character', 'forward slash'],
    ['S/2017/Rev.1/138', 'suffix-position'],
    ['A/C.5/75/L', 'component-number'],
    ['A/70/95 S/2015/446', 'joint-space'],
    ['A/70/95–', 'empty'],
    ['HRC/46/1', 'unknown-organ', 'A/HRC/'],
  ];
  for (const [input, code, text] of cases) {
    it(`${JSON.stringify(input)} → ${code}`, () => {
      const p = parseSymbol(input);
      expect(p.ok).toBe(false);
      expect(isValidSymbol(input)).toBe(false);
      const issue = p.issues.find((i) => i.code === code);
      expect(issue, JSON.stringify(p.issues)).toBeDefined();
      expect(issue!.severity).toBe('error');
      if (text) expect(issue!.message).toContain(text);
    });
  }

  it('lowercase organ suggests the fix in the normalised form', () => {
    expect(parseSymbol('a/hrc/46/l.1').normalized).toBe('A/HRC/46/L.1');
    expect(parseSymbol('a/hrc/46/l.1').issues[0]!.message).toContain('(A/HRC/46/L.1)');
  });

  it('each error points into the input', () => {
    expect(parseSymbol('S/17/138').issues[0]?.at).toBe(2);
    expect(parseSymbol('S/2017/138/Rev').issues[0]?.at).toBe(11);
    expect(parseSymbol('A/1/1–S/2017/1–E/2017/1').issues[0]?.at).toBe(14);
  });
});

describe('properties', () => {
  const normal = [
    'S/2017/138',
    'S/PRST/2021/13',
    'S/RES/2223 (2015)',
    'A/RES/70/1',
    'A/71/794–S/2017/135',
    'A/70/95–S/2015/446',
    'S/2024/10/Rev.1/Add.36',
    'A/70/95/Corr.1',
    'S/2017/138*',
    'A/HRC/46/1',
    'A/C.5/75/L.1',
    'E/CN.4/2005/1',
    'ST/SGB/2019/8',
    'E/CN.4/Sub.2/2005/1',
  ];

  it('normalising an already normal symbol returns it unchanged, with no issues', () => {
    for (const s of normal) {
      const p = parseSymbol(s);
      expect(p.normalized, s).toBe(s);
      expect(p.issues, s).toEqual([]);
      expect(p.symbols.map((x) => x.text).join('–')).toBe(s);
    }
  });

  it('normalising is idempotent, also on sloppy input', () => {
    const sloppy = ['A/70/95-S/2015/446', 'S/2017/138/rev.1', ' S/RES/2223(2015) ', 's/2017/138', 'A / HRC / 46 / 1', 'A/70/95 – S/2015/446*'];
    for (const s of sloppy) {
      const once = parseSymbol(s).normalized;
      const twice = parseSymbol(once);
      expect(twice.normalized, s).toBe(once);
      expect(twice.issues, s).toEqual([]);
    }
  });

  it('components joined by slashes give back the symbol (without reissue mark or year)', () => {
    for (const s of normal.filter((x) => !x.includes('–'))) {
      const sym = parseSymbol(s).symbols[0]!;
      expect(s.startsWith(sym.components.join('/')), s).toBe(true);
    }
  });

  it('every suffix number round-trips', () => {
    for (const n of [1, 2, 9, 10, 36, 123]) {
      expect(one(`S/2024/10/Rev.${n}/Add.${n}/Corr.${n}/Amend.${n}`)).toMatchObject({ revision: n, addendum: n, corrigendum: n, amendment: n });
    }
  });
});

describe('splitSeriesLetter', () => {
  it('splits the first component off for the masthead', () => {
    expect(splitSeriesLetter('S/2017/138')).toEqual({ letter: 'S', rest: '/2017/138' });
    expect(splitSeriesLetter('A/HRC/46/1')).toEqual({ letter: 'A', rest: '/HRC/46/1' });
    expect(splitSeriesLetter('ST/SGB/2019/8')).toEqual({ letter: 'ST', rest: '/SGB/2019/8' });
    expect(splitSeriesLetter('S/RES/2223 (2015)')).toEqual({ letter: 'S', rest: '/RES/2223 (2015)' });
  });

  it('leaves odd input whole', () => {
    expect(splitSeriesLetter('')).toEqual({ letter: '', rest: '' });
    expect(splitSeriesLetter('2017/138')).toEqual({ letter: '', rest: '2017/138' });
  });
});
