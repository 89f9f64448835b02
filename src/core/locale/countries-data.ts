/**
 * The table of Member States and observer States. Names are the UN short names
 * (UNTERM / the Secretariat's list of Member States), not ISO's where they differ.
 * French `article`: the article the name takes in running text ("le Sénégal" → "du Sénégal");
 * '' for names used without article ("Cuba", "Israël"). English `article`: true when the name
 * takes "the" ("the Philippines").
 */
import type { Country } from './countries';

export const COUNTRIES: readonly Country[] = [
  { code: 'FRA', status: 'member', en: { name: 'France', article: false }, fr: { name: 'France', article: 'la' } },
  { code: 'IND', status: 'member', en: { name: 'India', article: false }, fr: { name: 'Inde', article: "l'" } },
  { code: 'PER', status: 'member', en: { name: 'Peru', article: false }, fr: { name: 'Pérou', article: 'le' } },
  { code: 'PHL', status: 'member', en: { name: 'Philippines', article: true }, fr: { name: 'Philippines', article: 'les' } },
  { code: 'PRT', status: 'member', en: { name: 'Portugal', article: false }, fr: { name: 'Portugal', article: 'le' } },
  { code: 'SEN', status: 'member', en: { name: 'Senegal', article: false }, fr: { name: 'Sénégal', article: 'le' } },
  { code: 'TUR', status: 'member', en: { name: 'Türkiye', article: false }, fr: { name: 'Türkiye', article: 'la' } },
];
