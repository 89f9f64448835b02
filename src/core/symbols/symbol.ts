/**
 * United Nations document symbols ("cotes"): parsing, validation and normalisation.
 *
 * A symbol is a run of components separated by slashes. The first component is the organ or
 * series root (A/ General Assembly, S/ Security Council, E/ Economic and Social Council,
 * ST/ Secretariat, …); then come subsidiary bodies (C.5, CN.4, AC.105, CONF.62, WG.6, HRC …),
 * special series (L.1, PV.8000, SR.5, PRST, RES, INF, NGO, CRP.1 …), a year or session and a
 * number, and finally the suffixes Rev.N, Add.N, Corr.N, Amend.N, in that order. A trailing
 * "*" ("**") marks a reissue; a resolution may end with its year in parentheses
 * ("S/RES/2223 (2015)"). A joint document carries two symbols joined by an en dash with no
 * spaces ("A/71/794–S/2017/135").
 *
 * Everything here is plain string logic. Issue `code`s are stable identifiers that other code
 * and translations key on; the English `message` is for the drafting officer.
 */

/** One problem found in a symbol. Errors make the symbol invalid; warnings come with a fix in `normalized`. */
export type SymbolIssue = {
  severity: 'error' | 'warning';
  /** Stable short identifier ("empty", "unknown-organ", "year", "suffix-number", …). */
  code: string;
  /** A plain English sentence naming what is wrong and where. */
  message: string;
  /** index into the input string */
  at?: number;
};

/** One (non-joint) symbol, as understood by {@link parseSymbol}. */
export type ParsedSymbol = {
  /** Normalised single symbol, e.g. "S/2017/2/Rev.1", "S/RES/2223 (2015)", "S/2017/138*". */
  text: string;
  /** First component, upper-cased when it is a known root: "A", "S", "E", "ST", "UNEP" … */
  organ: string;
  /** Every component between slashes, organ and suffixes included (normalised; no "*", no "(2015)"). */
  components: string[];
  /** Special series: PRST, RES, DEC, INF, NGO, or L, PV, SR, CRP, WP, MISC when last before the suffixes. */
  series?: string;
  /** Four-digit year: S/2017/138 → 2017; S/RES/2223 (2015) → 2015. */
  year?: number;
  /** Session: A/71/794 → 71; A/HRC/46/1 → 46. */
  session?: number;
  /** Document number: S/2017/138 → 138; A/C.5/75/L.1 → 1; S/RES/2223 (2015) → 2223. */
  number?: number;
  revision?: number;
  addendum?: number;
  corrigendum?: number;
  amendment?: number;
  /** A trailing "*" (or "**" …) marks a reissued document. */
  reissue: boolean;
};

/** Result of {@link parseSymbol}: `ok` means no errors (warnings allowed). */
export type SymbolParse = {
  ok: boolean;
  /** The whole input normalised (en dash between joint symbols, "Rev.1" casing, spacing …); best effort when not ok. */
  normalized: string;
  /** One entry, or two for a joint document (more only when the input is in error). */
  symbols: ParsedSymbol[];
  issues: SymbolIssue[];
};

/** Roots a symbol may start with, and whose documents they are. */
export const SYMBOL_ROOTS: Readonly<Record<string, string>> = {
  A: 'General Assembly',
  S: 'Security Council',
  E: 'Economic and Social Council',
  ST: 'Secretariat',
  T: 'Trusteeship Council',
  DP: 'Executive Board of UNDP, UNFPA and UNOPS',
  UNEP: 'United Nations Environment Programme',
  TD: 'United Nations Conference on Trade and Development',
  CRC: 'Committee on the Rights of the Child',
  CCPR: 'Human Rights Committee',
  CEDAW: 'Committee on the Elimination of Discrimination against Women',
  CERD: 'Committee on the Elimination of Racial Discrimination',
  CAT: 'Committee against Torture',
  CMW: 'Committee on Migrant Workers',
  CRPD: 'Committee on the Rights of Persons with Disabilities',
  CED: 'Committee on Enforced Disappearances',
  HRI: 'Human rights treaty bodies',
  PBC: 'Peacebuilding Commission',
  UNW: 'Executive Board of UN-Women',
  CD: 'Conference on Disarmament',
  ECE: 'Economic Commission for Europe',
  LC: 'Economic Commission for Latin America and the Caribbean',
  HSP: 'United Nations Human Settlements Programme',
  IDB: 'Industrial Development Board (UNIDO)',
  JIU: 'Joint Inspection Unit',
  FCCC: 'United Nations Framework Convention on Climate Change',
  ICCD: 'United Nations Convention to Combat Desertification',
  SPLOS: 'Meeting of States Parties to the Law of the Sea Convention',
  ISBA: 'International Seabed Authority',
  CTOC: 'Conference of the Parties to the Organized Crime Convention',
  CAC: 'Conference of the States Parties to the Convention against Corruption',
  NPT: 'Review Conference of the Parties to the Non-Proliferation Treaty',
  BWC: 'Biological Weapons Convention',
  CCW: 'Convention on Certain Conventional Weapons',
  APLC: 'Anti-Personnel Mine Ban Convention',
  CCM: 'Convention on Cluster Munitions',
  WFP: 'Executive Board of the World Food Programme',
};

/** Hints for roots drafters type by mistake. */
const ROOT_HINTS: Record<string, string> = {
  SC: 'Security Council documents start with S/ ("SC/…" is a press release number)',
  GA: 'General Assembly documents start with A/ ("GA/…" is a press release number)',
  UNSC: 'Security Council documents start with S/',
  UNGA: 'General Assembly documents start with A/',
  ECOSOC: 'Economic and Social Council documents start with E/',
  HRC: 'Human Rights Council documents start with A/HRC/',
};

const SUFFIX_ORDER = ['Rev', 'Add', 'Corr', 'Amend'] as const;
type SuffixKind = (typeof SUFFIX_ORDER)[number];
const SUFFIX_FIELD: Record<SuffixKind, 'revision' | 'addendum' | 'corrigendum' | 'amendment'> = {
  Rev: 'revision',
  Add: 'addendum',
  Corr: 'corrigendum',
  Amend: 'amendment',
};

/** Series written as a plain component: S/PRST/2021/13, A/RES/70/1, E/CN.6/2020/INF/1. */
const WORD_SERIES = new Set(['PRST', 'RES', 'DEC', 'INF', 'NGO']);
/** Series written "X.N": a series only when it is the last component before the suffixes (WP.29 mid-symbol is a working party). */
const DOTTED_SERIES = new Set(['L', 'PV', 'SR', 'CRP', 'WP', 'MISC']);
/** Components that always carry a number after a dot ("C" is not one: treaty bodies write CRC/C/GC/25). */
const NEEDS_NUMBER = new Set([...DOTTED_SERIES, 'AC', 'CN', 'CONF', 'WG', 'SUB']);

const EN_DASH = '–';
const MIN_YEAR = 1946;
const MAX_YEAR = 2100;
const ROOTS_HINT = 'a UN symbol starts with A/, S/, E/, ST/…';

/**
 * Joint separators: an en dash (with or without spaces); a hyphen or other dash when a new
 * symbol follows ("-S/2015/446", but not "ES-10/…"); or bare spaces between two symbols.
 */
const SEPARATOR = /\s*–\s*|\s*[-‐‑‒—―−]\s*(?=[A-Za-z]+\s*\/)|(?<=[^\s/])\s+(?=[A-Za-z]+\s*\/)/g;

/**
 * Parses a single symbol or a joint pair, reporting every problem found and giving the
 * normalised form. Leading and trailing whitespace is ignored (`at` still indexes the input).
 *
 * Normalisation never guesses at meaning: suffix order, for example, is reported but not changed.
 */
export function parseSymbol(input: string): SymbolParse {
  const issues: SymbolIssue[] = [];
  const lead = input.length - input.trimStart().length;
  const text = input.trim();
  if (!text) {
    issues.push(error('empty', 'empty symbol: type a document symbol such as S/2017/138', 0));
    return { ok: false, normalized: '', symbols: [], issues };
  }

  const parts: { raw: string; at: number }[] = [];
  const separators: { raw: string; at: number }[] = [];
  let from = 0;
  for (const m of text.matchAll(SEPARATOR)) {
    parts.push({ raw: text.slice(from, m.index), at: lead + from });
    separators.push({ raw: m[0], at: lead + m.index });
    from = m.index + m[0].length;
  }
  parts.push({ raw: text.slice(from), at: lead + from });

  const shown = (s: string) => `"${s}"`;
  for (const [i, sep] of separators.entries()) {
    const before = parts[i]?.raw ?? '';
    const after = parts[i + 1]?.raw ?? '';
    if (sep.raw.trim() === '') {
      issues.push(
        error(
          'joint-space',
          `${shown(text)}: "${before}" and "${after}" are separated only by a space; join two symbols with an en dash "–" without spaces (${before}${EN_DASH}${after})`,
          sep.at,
        ),
      );
    } else if (sep.raw !== EN_DASH) {
      issues.push(
        warning(
          'joint-dash',
          `${shown(text)}: joint symbols are joined by an en dash "–" without spaces (${before}${EN_DASH}${after})`,
          sep.at,
        ),
      );
    }
  }

  const symbols: ParsedSymbol[] = [];
  for (const [i, part] of parts.entries()) {
    if (part.raw === '') {
      const where = i === 0 ? 'before' : 'after';
      issues.push(
        error('empty', `${shown(text)}: there is no symbol ${where} the dash; a joint symbol needs a symbol on each side`, part.at),
      );
      continue;
    }
    symbols.push(parseOne(part.raw, part.at, issues));
  }

  if (parts.length > 2) {
    issues.push(
      error(
        'too-many',
        `${shown(text)}: ${parts.length} symbols are joined, but a joint document carries at most two (e.g. A/71/794–S/2017/135)`,
        separators[1]?.at,
      ),
    );
  }
  const [first, second] = symbols;
  if (symbols.length === 2 && first && second && first.text === second.text) {
    issues.push(warning('joint-duplicate', `${shown(text)}: the same symbol ${first.text} is given twice`, parts[1]?.at));
  }

  const normalized = symbols.map((s) => s.text).join(EN_DASH);
  return { ok: !issues.some((x) => x.severity === 'error'), normalized, symbols, issues };
}

/** True when the input is one symbol or a joint pair with no errors (warnings allowed). */
export function isValidSymbol(input: string): boolean {
  const p = parseSymbol(input);
  return p.ok && p.symbols.length > 0 && !p.issues.some((x) => x.severity === 'error');
}

/**
 * "S/2017/138" → { letter: "S", rest: "/2017/138" }: the masthead prints the series letter at 20 pt.
 * The letter is the whole first component ("ST/SGB/2019/8" → "ST"). Pass one symbol at a time
 * (for a joint symbol, split each of `parseSymbol(…).symbols`). When the symbol does not start
 * with letters and a slash, `letter` is empty and `rest` is the whole (trimmed) symbol.
 */
export function splitSeriesLetter(symbol: string): { letter: string; rest: string } {
  const s = symbol.trim();
  const m = /^([A-Za-z]+)(?=\/|$)/.exec(s);
  if (!m?.[1]) return { letter: '', rest: s };
  return { letter: m[1], rest: s.slice(m[1].length) };
}

// ───────────────────────────── one symbol ─────────────────────────────

function error(code: string, message: string, at?: number): SymbolIssue {
  return at === undefined ? { severity: 'error', code, message } : { severity: 'error', code, message, at };
}
function warning(code: string, message: string, at?: number): SymbolIssue {
  return at === undefined ? { severity: 'warning', code, message } : { severity: 'warning', code, message, at };
}

type Kind = 'organ' | 'number' | 'word' | 'dotted' | 'special' | 'suffix' | 'bad';
type Comp = { norm: string; kind: Kind; at: number };

/** Parses one non-joint symbol `raw` (no outer whitespace) found at `at` in the input. */
function parseOne(raw: string, at: number, issues: SymbolIssue[]): ParsedSymbol {
  const q = `"${raw}"`;
  let spacing = false;

  // Trailing reissue marks and resolution year: "S/2017/138*", "S/RES/2223 (2015)".
  let body = raw;
  let stars = '';
  const takeStars = () => {
    const m = /\s*(\*+)$/.exec(body);
    if (!m?.[1]) return;
    stars += m[1];
    if (m[0] !== m[1]) spacing = true;
    body = body.slice(0, m.index);
  };
  takeStars();
  let parenYear: number | undefined;
  let parenText = '';
  const paren = /(\s*)\(([^()]*)\)$/.exec(body);
  if (paren) {
    const inner = paren[2] ?? '';
    const at0 = at + paren.index + (paren[1]?.length ?? 0);
    if (paren[1] !== ' ' || inner !== inner.trim()) spacing = true;
    if (/^\d{4}$/.test(inner.trim())) {
      parenYear = Number(inner.trim());
      parenText = ` (${inner.trim()})`;
      if (parenYear < MIN_YEAR || parenYear > MAX_YEAR) {
        issues.push(error('year', `${q}: the year ${parenYear} is outside ${MIN_YEAR}–${MAX_YEAR}`, at0));
      }
    } else {
      parenText = ` (${inner.trim()})`;
      issues.push(
        error('year', `${q}: the year in parentheses must have four digits, as in S/RES/2223 (2015)`, at0),
      );
    }
    body = body.slice(0, paren.index);
  }
  takeStars();
  if (body !== body.trimEnd()) {
    spacing = true;
    body = body.trimEnd();
  }

  // Components, with their offsets in the input.
  const comps: Comp[] = [];
  let offset = 0;
  let emptyReported = false;
  const rawComps = body.split('/');
  for (const [i, rc] of rawComps.entries()) {
    const lead = rc.length - rc.trimStart().length;
    const c = rc.trim();
    const cAt = at + offset + lead;
    offset += rc.length + 1;
    if (c !== rc) spacing = true;
    if (c === '') {
      if (!emptyReported) {
        const what =
          i === 0
            ? 'starts with a slash'
            : i === rawComps.length - 1
              ? 'ends with a slash'
              : 'has two slashes with nothing between them';
        issues.push(error('empty-component', `${q}: the symbol ${what}`, cAt));
        emptyReported = true;
      }
      continue;
    }
    comps.push(i === 0 ? organ(c, cAt, q, issues) : component(c, cAt, q, issues, () => (spacing = true)));
  }
  // Suffixes: after the body, in the order Rev, Add, Corr, Amend.
  const hasOrgan = rawComps[0]?.trim() !== '';
  const result: ParsedSymbol = { text: '', organ: hasOrgan ? (comps[0]?.norm ?? '') : '', components: [], reissue: stars.length > 0 };
  let lastSuffix: { kind: SuffixKind; norm: string } | undefined;
  const seen = new Set<SuffixKind>();
  const main: Comp[] = [];
  for (const c of comps.slice(hasOrgan ? 1 : 0)) {
    if (c.kind === 'suffix') {
      const kind = c.norm.split('.')[0] as SuffixKind;
      const n = Number(c.norm.split('.')[1]);
      if (seen.has(kind)) {
        issues.push(warning('suffix-duplicate', `${q}: "${kind}" appears more than once`, c.at));
      } else if (lastSuffix && SUFFIX_ORDER.indexOf(kind) < SUFFIX_ORDER.indexOf(lastSuffix.kind)) {
        issues.push(
          warning(
            'suffix-order',
            `${q}: "${c.norm}" should come before "${lastSuffix.norm}" (suffixes go in the order Rev, Add, Corr, Amend)`,
            c.at,
          ),
        );
      }
      seen.add(kind);
      const field = SUFFIX_FIELD[kind];
      if (result[field] === undefined && Number.isInteger(n) && n > 0) result[field] = n;
      lastSuffix = { kind, norm: c.norm };
    } else {
      if (lastSuffix && c.kind !== 'bad') {
        issues.push(
          error('suffix-position', `${q}: "${c.norm}" comes after "${lastSuffix.norm}", but Rev, Add, Corr and Amend come last`, c.at),
        );
      }
      main.push(c);
    }
  }
  result.components = comps.map((c) => c.norm);

  // Series, year or session, number.
  const last = main[main.length - 1];
  let dottedNumber: number | undefined;
  for (const c of main) {
    if (c.kind === 'word' && WORD_SERIES.has(c.norm)) {
      result.series ??= c.norm;
    }
  }
  if (last?.kind === 'dotted') {
    const [prefix, tail] = last.norm.split('.');
    if (prefix && DOTTED_SERIES.has(prefix)) {
      result.series ??= prefix;
      if (tail && /^\d+$/.test(tail)) dottedNumber = Number(tail);
    }
  }
  const nums = main.filter((c) => c.kind === 'number');
  let leadNum: Comp | undefined;
  if (dottedNumber !== undefined) {
    result.number = dottedNumber;
    leadNum = nums[0];
  } else if (nums.length >= 2) {
    leadNum = nums[0];
    result.number = Number(nums[nums.length - 1]?.norm);
  } else if (nums[0]) {
    result.number = Number(nums[0].norm);
  }
  const isS = result.organ === 'S';
  if (leadNum) {
    if (leadNum.norm.length === 4) {
      const y = Number(leadNum.norm);
      result.year = y;
      if (y < MIN_YEAR || y > MAX_YEAR) issues.push(error('year', `${q}: the year ${y} is outside ${MIN_YEAR}–${MAX_YEAR}`, leadNum.at));
    } else if (isS && result.series !== 'RES') {
      const yy = Number(leadNum.norm);
      const example =
        leadNum.norm.length === 2
          ? comps.map((c) => (c === leadNum ? String(yy >= 46 ? 1900 + yy : 2000 + yy) : c.norm)).join('/')
          : 'e.g. S/2017/138';
      const what = result.series === 'PRST' ? 'presidential statement' : 'document number';
      issues.push(error('year', `${q}: a Security Council ${what} needs a four-digit year (${example})`, leadNum.at));
    } else {
      result.session = Number(leadNum.norm);
    }
  }
  if (parenYear !== undefined) {
    result.year ??= parenYear;
    if (result.series !== 'RES') {
      issues.push(warning('year-paren', `${q}: only resolution symbols end with a year in parentheses`, at + raw.indexOf('(')));
    }
  }
  if (comps.length > 0 && comps.every((c) => c.kind !== 'bad')) {
    if (result.series === 'PRST' && (leadNum === undefined || result.number === undefined)) {
      issues.push(error('incomplete', `${q}: a presidential statement symbol needs a year and a number (S/PRST/2021/13)`, at));
    } else if (result.number === undefined) {
      issues.push(error('incomplete', `${q}: the symbol has no document number (e.g. S/2017/138, A/71/794)`, at));
    }
  }

  if (spacing) {
    issues.push(warning('spacing', `${q}: a symbol has no spaces except before a year in parentheses, as in S/RES/2223 (2015)`, at));
  }
  result.text = result.components.join('/') + parenText + stars;
  for (const issue of issues) issue.message = issue.message.replace(FIXED_PLACEHOLDER, result.text);
  return result;
}

/** Stands for the normalised symbol in a message until it is known. */
const FIXED_PLACEHOLDER = '\u0000fixed\u0000';

/** The first component: a known root, in capitals. */
function organ(c: string, at: number, q: string, issues: SymbolIssue[]): Comp {
  const bad = /[^A-Za-z0-9.-]/.exec(c);
  if (bad) {
    issues.push(badCharacter(q, bad[0], at + bad.index));
    return { norm: c, kind: 'bad', at };
  }
  const upper = c.toUpperCase();
  if (/^[A-Za-z]+$/.test(c) && upper in SYMBOL_ROOTS) {
    if (c !== upper) {
      issues.push(
        error('organ-case', `${q}: the organ is written in capitals: "${upper}/", not "${c}/" (${FIXED_PLACEHOLDER})`, at),
      );
    }
    return { norm: upper, kind: 'organ', at };
  }
  const hint = ROOT_HINTS[upper];
  issues.push(
    error('unknown-organ', `unknown organ "${c}" at the start of ${q}: ${hint ? `${hint}; ` : ''}${ROOTS_HINT}`, at),
  );
  return { norm: c, kind: 'organ', at };
}

/** Any later component: suffix, number, word, dotted code (C.5, L.1), special session (ES-10). */
function component(c: string, at: number, q: string, issues: SymbolIssue[], spaced: () => void): Comp {
  const suffix = /^(rev|add|corr|amend)\s*(\.?)\s*(\d*)$/i.exec(c);
  if (suffix) {
    const word = suffix[1] ?? '';
    const kind = SUFFIX_ORDER.find((k) => k.toLowerCase() === word.toLowerCase()) ?? 'Rev';
    const digits = suffix[3] ?? '';
    if (digits === '' || Number(digits) === 0) {
      issues.push(
        error(
          'suffix-number',
          digits === '' ? `${q}: "${word}" needs a number (${kind}.1)` : `${q}: "${c}": numbering starts at 1 (${kind}.1)`,
          at,
        ),
      );
      return { norm: `${kind}.${digits}`.replace(/\.$/, ''), kind: 'suffix', at };
    }
    const norm = `${kind}.${Number(digits)}`;
    if (c !== norm) {
      if (c.toLowerCase() === norm.toLowerCase()) {
        issues.push(warning('suffix-case', `${q}: suffixes are written "Rev.1", "Add.1", "Corr.1" (here "${norm}")`, at));
      } else {
        issues.push(warning('suffix-form', `${q}: write "${norm}", not "${c}" (the suffix, a dot, the number)`, at));
      }
    }
    return { norm, kind: 'suffix', at };
  }

  const bad = /[^A-Za-z0-9.\-\s]/.exec(c);
  if (bad) {
    issues.push(badCharacter(q, bad[0], at + bad.index));
    return { norm: c, kind: 'bad', at };
  }

  let s = c;
  const spacedDot = /^([A-Za-z]+)\s*\.\s*([A-Za-z0-9]+)$/.exec(s);
  if (spacedDot && /\s/.test(s)) {
    spaced();
    s = `${spacedDot[1]}.${spacedDot[2]}`;
  }
  const ws = /\s/.exec(s);
  if (ws) {
    issues.push(error('space', `${q}: "${c}" contains a space; a symbol has no spaces`, at + ws.index));
    return { norm: s, kind: 'bad', at };
  }
  // All-lowercase codes are a typing slip ("hrc", "l.1"); mixed case is historical ("Sub.2") and kept.
  if (/[a-z]/.test(s) && !/[A-Z]/.test(s)) {
    const up = s.toUpperCase();
    issues.push(warning('case', `${q}: "${s}" is written in capitals: "${up}"`, at));
    s = up;
  }

  if (/^\d+$/.test(s)) return { norm: s, kind: 'number', at };
  const glued = /^([A-Za-z]+)(\d+)$/.exec(s);
  if (glued?.[1] && NEEDS_NUMBER.has(glued[1].toUpperCase())) {
    const norm = `${glued[1]}.${glued[2]}`;
    issues.push(warning('dot', `${q}: write "${norm}", with a dot before the number`, at));
    return { norm, kind: 'dotted', at };
  }
  if (/^[A-Za-z][A-Za-z0-9]*$/.test(s)) {
    if (NEEDS_NUMBER.has(s.toUpperCase())) {
      issues.push(error('component-number', `${q}: "${s}" needs a number (${s}.1)`, at));
    }
    return { norm: s, kind: 'word', at };
  }
  if (/^[A-Za-z]+(?:\.[A-Za-z0-9]+)+$/.test(s)) return { norm: s, kind: 'dotted', at };
  if (/^[A-Za-z]+-\d+$/.test(s)) return { norm: s, kind: 'special', at };
  issues.push(
    error('component', `${q}: "${s}" is not a symbol component (components are letters such as HRC, numbers, or codes such as C.5, L.1, Rev.1)`, at),
  );
  return { norm: s, kind: 'bad', at };
}

function badCharacter(q: string, ch: string, at: number): SymbolIssue {
  const fix = ch === '\\' ? '; components are separated by a forward slash "/"' : '';
  return error('character', `${q}: "${ch}" cannot appear in a symbol${fix}`, at);
}
