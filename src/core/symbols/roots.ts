/**
 * The vocabulary of UN document symbols: the roots a symbol may start with (and whose documents
 * they are), hints for roots typed by mistake, the suffixes in their order, the special series,
 * and the bounds a year must fall within.
 */

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
export const ROOT_HINTS: Record<string, string> = {
  SC: 'Security Council documents start with S/ ("SC/…" is a press release number)',
  GA: 'General Assembly documents start with A/ ("GA/…" is a press release number)',
  UNSC: 'Security Council documents start with S/',
  UNGA: 'General Assembly documents start with A/',
  ECOSOC: 'Economic and Social Council documents start with E/',
  HRC: 'Human Rights Council documents start with A/HRC/',
};

export const SUFFIX_ORDER = ['Rev', 'Add', 'Corr', 'Amend'] as const;
export type SuffixKind = (typeof SUFFIX_ORDER)[number];
export const SUFFIX_FIELD: Record<SuffixKind, 'revision' | 'addendum' | 'corrigendum' | 'amendment'> = {
  Rev: 'revision',
  Add: 'addendum',
  Corr: 'corrigendum',
  Amend: 'amendment',
};

/** Series written as a plain component: S/PRST/2021/13, A/RES/70/1, E/CN.6/2020/INF/1. */
export const WORD_SERIES = new Set(['PRST', 'RES', 'DEC', 'INF', 'NGO']);
/** Series written "X.N": a series only when it is the last component before the suffixes (WP.29 mid-symbol is a working party). */
export const DOTTED_SERIES = new Set(['L', 'PV', 'SR', 'CRP', 'WP', 'MISC']);
/** Components that always carry a number after a dot ("C" is not one: treaty bodies write CRC/C/GC/25). */
export const NEEDS_NUMBER = new Set([...DOTTED_SERIES, 'AC', 'CN', 'CONF', 'WG', 'SUB']);

export const EN_DASH = '–';
export const MIN_YEAR = 1946;
export const MAX_YEAR = 2100;
export const ROOTS_HINT = 'a UN symbol starts with A/, S/, E/, ST/…';
