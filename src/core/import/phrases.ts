/**
 * Reading the fixed phrases of UN documents back into metadata: dates, letter titles (date,
 * addressees, sender), roles and countries (« du Sénégal » → SEN, through the country table in
 * reverse), masthead lines, presidential-statement openings, closing requests.
 * Each parser returns undefined when the text is not what it expects; callers keep the text.
 */
import { COUNCIL_YEAR_OFFSET, type Addressee, type AddresseeKind, type Gender, type Lang, type Organ, type Role } from '../model/schema';
import { allCountries, englishOf, frenchOf } from '../locale/countries';
import { sessionWords, yearWords } from '../locale/numberWords';
import { MONTHS } from '../locale/dates';

/** Apostrophes and spaces as the model stores them, for comparing phrases. */
let lastIn = '';
let lastOut = '';
export function canon(s: string): string {
  // The recogniser asks the same paragraph several questions in a row: remember the last answer.
  if (s === lastIn) return lastOut;
  lastIn = s;
  // Each replacement only where it changes something: a replace copies the whole string even
  // when it finds nothing to change (a 10 MB paragraph allocated 500 MB in canon alone).
  let out = s;
  if (/[’‘`´]/.test(out)) out = out.replace(/[’‘`´]/g, "'");
  // \s holds U+00A0 and U+202F: any space but a single plain one becomes one plain space
  if (/[^\S ]| {2}/.test(out)) out = out.replace(/\s+/g, ' ');
  if (/ [,.]/.test(out)) out = out.replace(/ ([,.])/g, '$1');
  lastOut = out.trim();
  return lastOut;
}

// ---------------------------------------------------------------------------------------------
// Dates

const MONTH_RE = [...MONTHS.fr, ...MONTHS.en, 'fevrier', 'aout', 'decembre'].join('|');

export const DATE_RE = new RegExp(`(\\d{1,2})(?:er|re|st|nd|rd|th)?\\s+(${MONTH_RE})\\s+(\\d{4})`, 'iu');
const DATE_MDY_RE = new RegExp(`(${MONTHS.en.join('|')})\\s+(\\d{1,2}),?\\s+(\\d{4})`, 'iu');
/** A date (day and month, year optional) at the start of a text: table rows, lists of meetings. */
export const DAY_MONTH_START = new RegExp(`^(\\d{1,2}(?:er|re|st|nd|rd|th)?\\s+(?:${MONTH_RE})(?:\\s+\\d{4})?)(?=\\s|$|,)`, 'iu');

function monthIndex(name: string): number {
  const n = name.toLowerCase().replace('fevrier', 'février').replace('aout', 'août').replace('decembre', 'décembre');
  const fr = MONTHS.fr.indexOf(n);
  return fr >= 0 ? fr + 1 : MONTHS.en.findIndex((m) => m.toLowerCase() === n) + 1;
}

function iso(y: number, m: number, d: number): string | undefined {
  const t = new Date(Date.UTC(y, m - 1, d));
  if (t.getUTCFullYear() !== y || t.getUTCMonth() !== m - 1 || t.getUTCDate() !== d) return undefined;
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/** The first full date in a text ("13 février 2017", "1er janvier 2016", "8 October 2019", "October 8, 2019") as YYYY-MM-DD. */
export function findDate(text: string): { iso: string; index: number; length: number } | undefined {
  const m = DATE_RE.exec(text);
  if (m) {
    const d = iso(Number(m[3]), monthIndex(m[2]!), Number(m[1]));
    if (d) return { iso: d, index: m.index, length: m[0].length };
  }
  const e = DATE_MDY_RE.exec(text);
  if (e) {
    const d = iso(Number(e[3]), monthIndex(e[1]!), Number(e[2]));
    if (d) return { iso: d, index: e.index, length: e[0].length };
  }
  return undefined;
}

/** A line that is nothing but a date (a masthead date). */
export function dateLine(text: string): string | undefined {
  const t = canon(text);
  const d = findDate(t);
  return d && d.index === 0 && d.length === t.length ? d.iso : undefined;
}

// ---------------------------------------------------------------------------------------------
// Countries, through the table in reverse

type CountryIndex = { fr: Map<string, string>; en: Map<string, string> };
let countryIndex: CountryIndex | undefined;

function index(): CountryIndex {
  if (countryIndex) return countryIndex;
  const fr = new Map<string, string>();
  const en = new Map<string, string>();
  for (const c of allCountries()) {
    fr.set(canon(frenchOf(c)).toLowerCase(), c.code);
    en.set(canon(englishOf(c)).toLowerCase(), c.code);
  }
  countryIndex = { fr, en };
  return countryIndex;
}

/** « du Sénégal », « de l'Inde », "of the Philippines" → ISO code. */
export function countryFromPhrase(phrase: string, lang: Lang): string | undefined {
  const key = canon(phrase).toLowerCase();
  return index()[lang].get(key);
}

// ---------------------------------------------------------------------------------------------
// Roles and addressees

export type ParsedPerson = { role: Role; gender: Gender; unsure?: string };

const UN_FR = "auprès de l'Organisation des Nations Unies";
const UN_EN = 'to the United Nations';

function genderOfArticle(article: string | undefined, word: string): Gender {
  if (/^(?:la|La)$/.test(article ?? '')) return 'f';
  return /(?:ante|ente|ée|rice|esse)(?!\p{L})/u.test(word) ? 'f' : 'm';
}

/** The sender phrase of a French title, article included: « le Représentant permanent du Sénégal auprès de l'Organisation des Nations Unies ». */
export function parseSenderFr(phrase: string): ParsedPerson {
  const s = canon(phrase);
  let m = new RegExp(`^(le|la) (Représentante? permanente?)( adjointe?)? (.+?) ${UN_FR}$`).exec(s);
  if (m) {
    const country = countryFromPhrase(m[4]!, 'fr');
    if (country) return { role: { kind: m[3] ? 'deputy-permanent-representative' : 'permanent-representative', country }, gender: genderOfArticle(m[1], m[2]!) };
  }
  m = new RegExp(`^(le|la) (Chargée? d'affaires)(?: par intérim| a\\.i\\.)? de la Mission permanente (.+?) ${UN_FR}$`).exec(s);
  if (m) {
    const country = countryFromPhrase(m[3]!, 'fr');
    if (country) return { role: { kind: 'charge-d-affaires', country }, gender: genderOfArticle(m[1], m[2]!) };
  }
  m = /^l'(Ambassad(?:eur|rice)) (.+)$/.exec(s);
  if (m) {
    const country = countryFromPhrase(m[2]!, 'fr');
    if (country) return { role: { kind: 'ambassador', country }, gender: m[1] === 'Ambassadrice' ? 'f' : 'm' };
  }
  m = /^(le|la) (Présidente?) (du Conseil de sécurité|de l'Assemblée générale)$/.exec(s);
  if (m) return { role: { kind: m[3]!.startsWith('du') ? 'president-security-council' : 'president-general-assembly' }, gender: genderOfArticle(m[1], m[2]!) };
  m = /^(le|la) (Secrétaire générale?)$/.exec(s);
  if (m) return { role: { kind: 'secretary-general' }, gender: genderOfArticle(m[1], m[2]!) };
  m = /^(le|la) (Présidente?) ((?:du|de la|de l'|des) .+)$/.exec(s);
  if (m) return { role: { kind: 'chair', body: { fr: m[3]! } }, gender: genderOfArticle(m[1], m[2]!) };
  // Anything else is kept whole, so the title regenerates word for word.
  const g = /^(la|l'\p{L}*(?:rice|ante|ente))\b/u.test(s) ? 'f' : 'm';
  return { role: { kind: 'other', body: { fr: s } }, gender: g, unsure: 'sender not recognised as a standard role' };
}

/** The sender phrase of an English title: "the Permanent Representative of Senegal to the United Nations". */
export function parseSenderEn(phrase: string): ParsedPerson {
  const s = canon(phrase);
  let m = new RegExp(`^the (Deputy )?Permanent Representative (of .+?) ${UN_EN}$`).exec(s);
  if (m) {
    const country = countryFromPhrase(m[2]!, 'en');
    if (country) return { role: { kind: m[1] ? 'deputy-permanent-representative' : 'permanent-representative', country }, gender: 'm' };
  }
  m = new RegExp(`^the Chargée? d'affaires(?: a\\.i\\.| ad interim)? of the Permanent Mission (of .+?) ${UN_EN}$`).exec(s);
  if (m) {
    const country = countryFromPhrase(m[1]!, 'en');
    if (country) return { role: { kind: 'charge-d-affaires', country }, gender: /Chargée/.test(s) ? 'f' : 'm' };
  }
  m = /^the Ambassador (of .+)$/.exec(s);
  if (m) {
    const country = countryFromPhrase(m[1]!, 'en');
    if (country) return { role: { kind: 'ambassador', country }, gender: 'm' };
  }
  if (s === 'the President of the Security Council') return { role: { kind: 'president-security-council' }, gender: 'm' };
  if (s === 'the President of the General Assembly') return { role: { kind: 'president-general-assembly' }, gender: 'm' };
  if (s === 'the Secretary-General') return { role: { kind: 'secretary-general' }, gender: 'm' };
  m = /^the Chair (of .+)$/.exec(s);
  if (m) return { role: { kind: 'chair', body: { en: m[1]! } }, gender: 'm' };
  return { role: { kind: 'other', body: { en: s } }, gender: 'm', unsure: 'sender not recognised as a standard role' };
}

const ADDRESSEES_FR: [RegExp, AddresseeKind, Gender][] = [
  [/^au Secrétaire général/, 'secretary-general', 'm'],
  [/^à la Secrétaire générale/, 'secretary-general', 'f'],
  [/^au Président du Conseil de sécurité/, 'president-security-council', 'm'],
  [/^à la Présidente du Conseil de sécurité/, 'president-security-council', 'f'],
  [/^au Président de l'Assemblée générale/, 'president-general-assembly', 'm'],
  [/^à la Présidente de l'Assemblée générale/, 'president-general-assembly', 'f'],
];
const ADDRESSEES_EN: [RegExp, AddresseeKind][] = [
  [/^the Secretary-General/, 'secretary-general'],
  [/^the President of the Security Council/, 'president-security-council'],
  [/^the President of the General Assembly/, 'president-general-assembly'],
];

/** « au Secrétaire général et au Président du Conseil de sécurité » → addressees and what follows. */
function parseAddresseesFr(s: string): { list: Addressee[]; rest: string } | undefined {
  const list: Addressee[] = [];
  let rest = s;
  for (;;) {
    const hit = ADDRESSEES_FR.find(([re]) => re.test(rest));
    if (!hit) return list.length > 0 ? { list, rest } : undefined;
    list.push({ kind: hit[1], gender: hit[2] });
    rest = rest.replace(hit[0], '');
    const sep = /^(?:,| et) /.exec(rest);
    if (!sep) return { list, rest };
    rest = rest.slice(sep[0].length);
  }
}

function parseAddresseesEn(s: string): Addressee[] | undefined {
  const list: Addressee[] = [];
  let rest = s;
  for (;;) {
    const hit = ADDRESSEES_EN.find(([re]) => re.test(rest));
    if (!hit) return undefined;
    list.push({ kind: hit[1], gender: 'm' });
    rest = rest.replace(hit[0], '');
    if (rest === '' || rest === '.') return list;
    const sep = /^(?:,| and|, and) /.exec(rest);
    if (!sep) return undefined;
    rest = rest.slice(sep[0].length);
  }
}

// ---------------------------------------------------------------------------------------------
// Letter titles

export type ParsedTitle = {
  lang: Lang;
  identical: boolean;
  letterDate?: string;
  addressees: Addressee[];
  sender: ParsedPerson;
};

const TITLE_FR = /^(Lettre datée du|Lettres identiques datées du)\s+(.+?),?\s+(adressées?)\s+(.+)$/;
const TITLE_EN = /^(Letter dated|Identical letters dated)\s+(.+?)\s+from\s+(.+?)\s+addressed to\s+(.+)$/;

export function looksLikeLetterTitle(text: string): boolean {
  const s = canon(text);
  return TITLE_FR.test(s) || TITLE_EN.test(s);
}

export function parseLetterTitle(text: string): ParsedTitle | undefined {
  const s = canon(text).replace(/\.$/, '');
  let m = TITLE_FR.exec(s);
  if (m) {
    const date = findDate(m[2]!);
    const a = parseAddresseesFr(m[4]!);
    if (!a) return undefined;
    const by = /^ par (.+)$/.exec(a.rest);
    if (!by) return undefined;
    return { lang: 'fr', identical: m[1]!.startsWith('Lettres'), letterDate: date?.iso, addressees: a.list, sender: parseSenderFr(by[1]!) };
  }
  m = TITLE_EN.exec(s);
  if (m) {
    const date = findDate(m[2]!);
    const list = parseAddresseesEn(m[4]!);
    if (!list) return undefined;
    return { lang: 'en', identical: m[1]!.startsWith('Identical'), letterDate: date?.iso, addressees: list, sender: parseSenderEn(m[3]!) };
  }
  return undefined;
}

/** « Annexe I à la lettre datée du … » / "Annex to the letter dated …" / « Annexe » / "Enclosure". */
export function parseAnnexHeading(text: string): { kind: 'annex' | 'enclosure'; number?: number; toLetter: boolean } | undefined {
  const s = canon(text).replace(/[.:]$/, '');
  let m = /^(Annexe|Annex|ANNEXE|ANNEX)(?:\s+([IVXLCDM]+|\d{1,5}))?(?:\s+((?:à la|aux) lettres?|to the (?:identical )?letters?|à la note verbale|to the note verbale)\b.*)?$/.exec(s);
  if (m) return { kind: 'annex', number: m[2] ? romanOrNumber(m[2]) : undefined, toLetter: m[3] !== undefined };
  m = /^(Pièce jointe|Pièces jointes|Enclosure|PIÈCE JOINTE|ENCLOSURE)(?:\s+([IVXLCDM]+|\d{1,5}))?$/.exec(s);
  if (m) return { kind: 'enclosure', number: m[2] ? romanOrNumber(m[2]) : undefined, toLetter: false };
  return undefined;
}

function romanOrNumber(s: string): number {
  if (/^\d+$/.test(s)) return Number(s);
  const v: Record<string, number> = { I: 1, V: 5, X: 10, L: 50, C: 100, D: 500, M: 1000 };
  let total = 0;
  for (let i = 0; i < s.length; i++) {
    const a = v[s[i]!]!;
    const b = v[s[i + 1] ?? ''] ?? 0;
    total += a < b ? -a : a;
  }
  return total;
}

/** Longer than any masthead line (joint symbols with their organs are about 100 characters). */
const MAX_MASTHEAD_LINE = 400;

/** « [Original : anglais] » / "[Original: French]" under an annex heading. */
export function parseOriginalMarker(text: string): Lang | 'other' | undefined {
  const m = /^\[?\s*Original\s*:\s*([\p{L}]+)\s*\]?$/iu.exec(canon(text));
  if (!m) return undefined;
  return languageWord(m[1]!);
}

function languageWord(w: string): Lang | 'other' {
  const x = w.toLowerCase();
  if (x === 'français' || x === 'french' || x === 'francais') return 'fr';
  if (x === 'anglais' || x === 'english') return 'en';
  return 'other';
}

// ---------------------------------------------------------------------------------------------
// Closing request and statement opening

export function looksLikeClosing(text: string): boolean {
  const s = canon(text);
  return (
    (/^(?:Je vous serais|Nous vous serions)\b/.test(s) && /\bdistribuer\b/.test(s)) ||
    (/^(?:I|We) (?:should|would) be (?:most )?grateful\b/.test(s) && /\bcirculated?\b/.test(s))
  );
}

/** Organs a closing request names: « comme document du Conseil de sécurité » → SC. */
export function organsInClosing(text: string): Organ[] {
  const s = canon(text);
  const found: { organ: Organ; at: number }[] = [];
  const add = (organ: Organ, re: RegExp) => {
    const m = re.exec(s);
    if (m) found.push({ organ, at: m.index });
  };
  add('GA', /Assemblée générale|General Assembly/);
  add('SC', /Conseil de sécurité|Security Council/);
  add('ECOSOC', /Conseil économique et social|Economic and Social Council/);
  return found.sort((a, b) => a.at - b.at).map((f) => f.organ);
}

export type ParsedOpening = { number: number; date?: string; item: string; presidentGender: Gender; lang: Lang };

export function parseOpening(text: string): ParsedOpening | undefined {
  const s = canon(text);
  let m = /^Le Conseil de sécurité ayant examiné à sa (\d+)e séance, le (.+?), la question intitulée « ?(.+?) ?», (son président|sa présidente) a fait en son nom la déclaration suivante ?:?$/.exec(s);
  if (m) return { number: Number(m[1]), date: findDate(m[2]!)?.iso, item: m[3]!, presidentGender: m[4] === 'sa présidente' ? 'f' : 'm', lang: 'fr' };
  m = /^At (?:the|its) (\d+)(?:st|nd|rd|th) meeting(?: of the Security Council)?, held on (.+?), in connection with the Council's consideration of the item entitled [“"](.+?)[”"], the President of the Security Council made the following statement on behalf of the Council:?$/.exec(s);
  if (m) return { number: Number(m[1]), date: findDate(m[2]!)?.iso, item: m[3]!, presidentGender: 'm', lang: 'en' };
  return undefined;
}

export function looksLikeOpening(text: string): boolean {
  const s = canon(text);
  return /^Le Conseil de sécurité ayant examiné à sa \d+e séance/.test(s) || /^At (?:the|its) \d+(?:st|nd|rd|th) meeting(?: of the Security Council)?, held on/.test(s);
}

export function looksLikeStatementTitle(text: string): boolean {
  return /^(?:Déclaration (?:du Président|de la Présidente) du Conseil de sécurité|Statement by the President of the Security Council)$/.test(canon(text));
}

// ---------------------------------------------------------------------------------------------
// Signatures

export const SIGNED = /^\((?:Signé|Signée|Signed)\)\s*:?\s*/i;

/** Words that make a short line a signatory's title (« L'Ambassadeur », "Permanent Representative"). */
export const ROLE_WORDS =
  /\b(?:Représentante?|Ambassad(?:eur|rice)|Chargée? d'affaires|Ministre|Présidente?|Conseill(?:er|ère)|Cheff?e?|Directeur|Directrice|Coordonnat(?:eur|rice)|Vice-Présidente?|Representative|Ambassador|Chargé d'affaires|Minister|President|Chair(?:person|man|woman)?|Counsellor|Head|Director|Coordinator|Deputy|Permanent|Observer|Observateur|Observatrice)\b/;

/**
 * A line that is a signatory's title, not a sentence: short, with a role word, and no final
 * punctuation but the full stop of "a.i." (« L'Ambassadeur », "Chargé d'affaires a.i.").
 */
export function isTitleLine(text: string): boolean {
  const t = canon(text);
  if (t.split(/\s+/).length > 10 || !ROLE_WORDS.test(t)) return false;
  return !/[;:]$/.test(t) && (!/\.$/.test(t) || /\ba\.\s?i\.$/.test(t));
}

/** Role and gender from the title lines of a signature: « La Représentante permanente », "Chargé d'affaires a.i.". */
export function roleFromTitleLines(lines: string[], lang: Lang): { kind?: Role['kind']; gender?: Gender; country?: string } {
  const s = canon(lines.join(' '));
  const out: { kind?: Role['kind']; gender?: Gender; country?: string } = {};
  if (/Représentante? permanente? adjointe?|Deputy Permanent Representative/.test(s)) out.kind = 'deputy-permanent-representative';
  else if (/Représentante? permanente?|Permanent Representative/.test(s)) out.kind = 'permanent-representative';
  else if (/Chargée? d'affaires/.test(s)) out.kind = 'charge-d-affaires';
  else if (/Ambassad(?:eur|rice)|Ambassador/.test(s)) out.kind = 'ambassador';
  if (/\b(?:La|la) (?:Représentante|Chargée|Présidente|Ministre|Vice-Présidente)|Ambassadrice|Représentante|Chargée/.test(s)) out.gender = 'f';
  else if (/\b(?:Le|le|L'|l')\s?(?:Représentant|Chargé|Président|Ambassadeur)/.test(s)) out.gender = 'm';
  const country = /\b(?:du|de la|de l'|des|d'|de) [\p{Lu}][\p{L}' -]+/u.exec(s);
  if (country && lang === 'fr') out.country = countryFromPhrase(country[0].replace(/ auprès.*$/, ''), 'fr');
  const en = /\bof (?:the )?[\p{Lu}][\p{L}' -]+/u.exec(s);
  if (en && lang === 'en') out.country = countryFromPhrase(en[0].replace(/ to the United Nations.*$/, ''), 'en');
  return out;
}

// ---------------------------------------------------------------------------------------------
// Masthead lines

export type MastheadLine =
  | { kind: 'united-nations' }
  | { kind: 'organs'; organs: Organ[] }
  | { kind: 'distribution'; value: 'general' | 'limited' | 'restricted' }
  | { kind: 'date'; iso: string }
  | { kind: 'version'; lang: Lang | 'other' }
  | { kind: 'original'; lang: Lang | 'other'; word: string }
  | { kind: 'symbol'; text: string }
  | { kind: 'session'; session?: number; year?: number }
  | { kind: 'agenda'; numbers: number[] };

const ORGAN_NAMES: [RegExp, Organ][] = [
  [/Assemblée générale|General Assembly/g, 'GA'],
  [/Conseil de sécurité|Security Council/g, 'SC'],
  [/Conseil économique et social|Economic and Social Council/g, 'ECOSOC'],
];

let sessionIndex: { text: string; session?: number; year?: number }[] | undefined;
function sessions(): { text: string; session?: number; year?: number }[] {
  if (sessionIndex) return sessionIndex;
  sessionIndex = [];
  for (let n = 1; n <= 150; n++) {
    for (const lang of ['fr', 'en'] as const) {
      sessionIndex.push({ text: sessionWords(n, lang).toLowerCase(), session: n });
      // The Council's year, read as the calendar year the document format stores.
      sessionIndex.push({ text: yearWords(n, lang).toLowerCase(), year: n + COUNCIL_YEAR_OFFSET });
    }
  }
  sessionIndex.sort((a, b) => b.text.length - a.text.length);
  return sessionIndex;
}

/** What a masthead line says, or undefined when the line is not a masthead line. */
export function parseMastheadLine(text: string, isSymbol: (s: string) => string[] | undefined): MastheadLine[] | undefined {
  // Masthead lines are short; a paragraph of megabytes is none, and need not be canonicalised to say so.
  if (text.length > MAX_MASTHEAD_LINE) return undefined;
  const s = canon(text).replace(/^#+\s*/, '').replace(/\*+/g, '').trim();
  if (s === '') return undefined;
  if (/^(?:Nations Unies|United Nations)$/.test(s)) return [{ kind: 'united-nations' }];
  const dist = /^Distr\.?\s*:?\s*(générale|limitée|restreinte|general|limited|restricted)$/i.exec(s);
  if (dist) {
    const w = dist[1]!.toLowerCase();
    return [{ kind: 'distribution', value: w.startsWith('g') ? 'general' : w.startsWith('l') ? 'limited' : 'restricted' }];
  }
  const date = dateLine(s);
  if (date) return [{ kind: 'date', iso: date }];
  if (/^(?:Français|English|Anglais|Espagnol|Spanish|Arabe|Arabic|Chinois|Chinese|Russe|Russian|Español|Русский|中文|عربي)$/i.test(s)) {
    const l = languageWord(s);
    return [{ kind: 'version', lang: s === 'Français' ? 'fr' : s === 'English' ? 'en' : l }];
  }
  const orig = /^Original\s*:\s*(\p{L}+)$/iu.exec(s);
  if (orig) return [{ kind: 'original', lang: languageWord(orig[1]!), word: orig[1]! }];
  const symbols = isSymbol(s);
  if (symbols) return symbols.map((t) => ({ kind: 'symbol', text: t }));
  const agenda = /^(?:Points?|Agenda items?|Item)\s+([\d\s,etand]+?)(?:\s+de l'ordre du jour(?: provisoire)?|\s+of the (?:provisional )?agenda)?$/i.exec(s);
  if (agenda) {
    const numbers = (agenda[1]!.match(/\d+/g) ?? []).map(Number);
    if (numbers.length > 0) return [{ kind: 'agenda', numbers }];
  }
  // Organ names and session/year lines may share a line (two masthead columns side by side).
  let rest = s;
  const out: MastheadLine[] = [];
  const organs: { organ: Organ; at: number }[] = [];
  for (const [re, organ] of ORGAN_NAMES) {
    for (const m of rest.matchAll(re)) organs.push({ organ, at: m.index });
  }
  if (organs.length > 0) {
    out.push({ kind: 'organs', organs: organs.sort((a, b) => a.at - b.at).map((o) => o.organ) });
    for (const [re] of ORGAN_NAMES) rest = rest.replace(re, ' ');
  }
  let lower = rest.toLowerCase();
  for (const entry of sessions()) {
    let at = lower.indexOf(entry.text);
    while (at >= 0) {
      out.push(entry.session !== undefined ? { kind: 'session', session: entry.session } : { kind: 'session', year: entry.year });
      lower = `${lower.slice(0, at)}${' '.repeat(entry.text.length)}${lower.slice(at + entry.text.length)}`;
      at = lower.indexOf(entry.text);
    }
  }
  if (out.length === 0 || lower.trim() !== '') return undefined;
  return out;
}
