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
import { error, warning, type SymbolIssue } from './issues';
import { parseOne, type ParsedSymbol } from './one';
import { EN_DASH } from './roots';

export type { SymbolIssue } from './issues';
export type { ParsedSymbol } from './one';
export { SYMBOL_ROOTS } from './roots';

/** Result of {@link parseSymbol}: `ok` means no errors (warnings allowed). */
export type SymbolParse = {
  ok: boolean;
  /** The whole input normalised (en dash between joint symbols, "Rev.1" casing, spacing …); best effort when not ok. */
  normalized: string;
  /** One entry, or two for a joint document (more only when the input is in error). */
  symbols: ParsedSymbol[];
  issues: SymbolIssue[];
};

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
