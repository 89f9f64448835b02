/**
 * One component of a symbol, between two slashes: the first (a known root, in capitals) and any
 * later one (suffix, number, word, dotted code such as C.5 or L.1, special session ES-10), each
 * normalised and classified, with the problems found in it.
 */
import { error, warning, badCharacter, type SymbolIssue } from './issues';
import { NEEDS_NUMBER, ROOT_HINTS, ROOTS_HINT, SUFFIX_ORDER, SYMBOL_ROOTS } from './roots';

export type Kind = 'organ' | 'number' | 'word' | 'dotted' | 'special' | 'suffix' | 'bad';
export type Comp = { norm: string; kind: Kind; at: number };

/** Stands for the normalised symbol in a message until it is known. */
export const FIXED_PLACEHOLDER = '\u0000fixed\u0000';

/** The first component: a known root, in capitals. */
export function organ(c: string, at: number, q: string, issues: SymbolIssue[]): Comp {
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
export function component(c: string, at: number, q: string, issues: SymbolIssue[], spaced: () => void): Comp {
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
