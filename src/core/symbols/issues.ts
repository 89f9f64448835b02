/**
 * The problems a symbol parse reports: errors (the symbol is invalid) and warnings (with a fix in
 * `normalized`), each with a stable `code` other code and translations key on.
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

export function error(code: string, message: string, at?: number): SymbolIssue {
  return at === undefined ? { severity: 'error', code, message } : { severity: 'error', code, message, at };
}
export function warning(code: string, message: string, at?: number): SymbolIssue {
  return at === undefined ? { severity: 'warning', code, message } : { severity: 'warning', code, message, at };
}

export function badCharacter(q: string, ch: string, at: number): SymbolIssue {
  const fix = ch === '\\' ? '; components are separated by a forward slash "/"' : '';
  return error('character', `${q}: "${ch}" cannot appear in a symbol${fix}`, at);
}
