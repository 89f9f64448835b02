/**
 * The fuzz suite's size: a fixed seed and a short run in `npm test`; a longer run for the nightly
 * job with RAPPORTEUR_FUZZ=nightly (ten times the cases, still fixed seeds unless
 * RAPPORTEUR_FUZZ_SEED is given, so a failure can be replayed).
 */
export const NIGHTLY = process.env.RAPPORTEUR_FUZZ === 'nightly';
export const SEED = process.env.RAPPORTEUR_FUZZ_SEED ? Number(process.env.RAPPORTEUR_FUZZ_SEED) : 16_2026;
export function runs(normal: number): number {
  return NIGHTLY ? normal * 10 : normal;
}

/** What every refusal must be: one line, a sentence, no JavaScript or parser message, short. */
export const NOT_A_SENTENCE = /\n|is not iterable|is not a function|Cannot read prop|Maximum call stack|Unexpected token|TypeError|RangeError|SyntaxError|NamespaceError|unclosed xml|missing root element|invalid (?:block type|distance|stored block|length)|unexpected EOF|\bat [\w.]+ \(/;
export const MAX_MESSAGE = 400;
