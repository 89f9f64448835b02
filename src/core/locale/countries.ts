/**
 * Member States and observer States of the United Nations, with the English and French short
 * names the UN uses and the article each takes, so titles read "du Sénégal", "de l'Inde",
 * "des Philippines", "of the Philippines" without string glue.
 * The data lives in countries-data.ts; a document may override a name (historic names such as
 * "Libyan Arab Jamahiriya") through `meta.countryNames`.
 */
import type { RDocument } from '../model/schema';
import { COUNTRIES } from './countries-data';

export type FrenchArticle = 'le' | 'la' | "l'" | 'les' | '';

export type CountryNaming = {
  en: { name: string; article: boolean };
  fr: { name: string; article: FrenchArticle };
};

export type Country = CountryNaming & {
  /** ISO 3166-1 alpha-3. */
  code: string;
  status: 'member' | 'observer';
  /** Running-text form of a name the list writes with a parenthesis: "the Islamic Republic of Iran". */
  formal?: CountryNaming;
};

const BY_CODE = new Map<string, Country>(COUNTRIES.map((c) => [c.code, c]));

export function allCountries(): readonly Country[] {
  return COUNTRIES;
}

export function findCountry(code: string): Country | undefined {
  return BY_CODE.get(code);
}

/**
 * The naming in force for a document: its override when it has one, else the table's. `running`
 * (titles, sentences) prefers the inverted formal form ("of the Islamic Republic of Iran");
 * `list` keeps the list form ("Iran (Islamic Republic of)") for lists of participants and tables.
 */
export function countryNaming(code: string, doc?: RDocument, form: 'running' | 'list' = 'running'): CountryNaming | undefined {
  const entry = BY_CODE.get(code);
  const base = form === 'running' && entry?.formal ? entry.formal : entry;
  const override = doc?.meta.countryNames?.[code];
  if (!override) return base;
  const en = override.en ?? base?.en;
  const fr = override.fr ?? base?.fr;
  return en && fr ? { en, fr } : undefined;
}

const VOWEL_START = /^[aeiouyàâäéèêëîïôöùûüœæh]/i;
/** Names beginning with an aspirated h take "de", not "d'" (de Honduras is rare; listed for safety). */
const ASPIRATED_H = /^(Honduras|Hongrie)/;

function elides(name: string): boolean {
  return VOWEL_START.test(name) && !ASPIRATED_H.test(name);
}

/** "du Sénégal", "de la Turquie", "de l'Inde", "des Philippines", "de Cuba", "d'Israël". */
export function frenchOf(n: CountryNaming): string {
  const { name, article } = n.fr;
  switch (article) {
    case 'le':
      return `du ${name}`;
    case 'la':
      return `de la ${name}`;
    case "l'":
      return `de l'${name}`;
    case 'les':
      return `des ${name}`;
    default:
      return elides(name) ? `d'${name}` : `de ${name}`;
  }
}

/** "le Sénégal", "l'Inde", "Cuba". */
export function frenchWithArticle(n: CountryNaming): string {
  const { name, article } = n.fr;
  if (article === '') return name;
  return article === "l'" ? `l'${name}` : `${article} ${name}`;
}

/** "of Senegal", "of the Philippines". */
export function englishOf(n: CountryNaming): string {
  return n.en.article ? `of the ${n.en.name}` : `of ${n.en.name}`;
}

/** "Senegal", "the Philippines". */
export function englishWithArticle(n: CountryNaming): string {
  return n.en.article ? `the ${n.en.name}` : n.en.name;
}
