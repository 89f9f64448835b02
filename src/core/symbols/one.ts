/**
 * One (non-joint) symbol: its components read in turn (components.ts), then its series, year,
 * session, number, suffixes and reissue marks, with every problem found and its normalised text.
 */
import { error, warning, type SymbolIssue } from './issues';
import { DOTTED_SERIES, MAX_YEAR, MIN_YEAR, SUFFIX_FIELD, SUFFIX_ORDER, WORD_SERIES, type SuffixKind } from './roots';
import { component, FIXED_PLACEHOLDER, organ, type Comp } from './components';

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

/** Parses one non-joint symbol `raw` (no outer whitespace) found at `at` in the input. */
export function parseOne(raw: string, at: number, issues: SymbolIssue[]): ParsedSymbol {
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
