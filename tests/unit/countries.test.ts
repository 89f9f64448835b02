/**
 * The table of Member States and observer States: its shape (193 + 2, unique ISO alpha-3 codes,
 * clean names) and the phrases it yields in running text ("du Sénégal", "of the Philippines").
 */
import { describe, expect, it } from 'vitest';
import {
  allCountries,
  countryNaming,
  englishOf,
  englishWithArticle,
  findCountry,
  frenchOf,
  frenchWithArticle,
  type CountryNaming,
} from '../../src/core/locale/countries';
import type { RDocument } from '../../src/core/model/schema';

function naming(code: string): CountryNaming {
  const n = countryNaming(code, undefined, 'list');
  if (!n) throw new Error(`no country ${code}`);
  return n;
}

const fr = (code: string) => frenchOf(naming(code));
const en = (code: string) => englishOf(naming(code));

describe('the table', () => {
  const all = allCountries();

  it('holds the 193 Member States and the 2 observer States', () => {
    expect(all).toHaveLength(195);
    expect(all.filter((c) => c.status === 'member')).toHaveLength(193);
    expect(
      all
        .filter((c) => c.status === 'observer')
        .map((c) => c.code)
        .sort(),
    ).toEqual(['PSE', 'VAT']);
  });

  it('uses unique ISO 3166-1 alpha-3 codes, sorted', () => {
    const codes = all.map((c) => c.code);
    for (const code of codes) expect(code).toMatch(/^[A-Z]{3}$/);
    expect(new Set(codes).size).toBe(codes.length);
    expect(codes).toEqual([...codes].sort());
  });

  it('has non-empty, trimmed names without doubled spaces or typographic apostrophes', () => {
    for (const c of all) {
      for (const name of [c.en.name, c.fr.name]) {
        expect(name.length, c.code).toBeGreaterThan(0);
        expect(name, c.code).toBe(name.trim());
        expect(name, c.code).not.toMatch(/\s{2}|’/);
      }
      expect(['le', 'la', "l'", 'les', ''], c.code).toContain(c.fr.article);
    }
  });

  it('gives l\' only before a vowel or mute h', () => {
    for (const c of all.filter((c) => c.fr.article === "l'")) {
      expect(c.fr.name, c.code).toMatch(/^[AEIOUYÉÈÊÎÔ]/);
    }
  });

  it('finds by code, and nothing for an unknown code', () => {
    expect(findCountry('SEN')?.en.name).toBe('Senegal');
    expect(findCountry('XXX')).toBeUndefined();
    expect(countryNaming('XXX')).toBeUndefined();
  });
});

describe('UN names, not ISO names', () => {
  it.each([
    ['BOL', 'Bolivia (Plurinational State of)', 'Bolivie (État plurinational de)'],
    ['IRN', 'Iran (Islamic Republic of)', "Iran (République islamique d')"],
    ['VEN', 'Venezuela (Bolivarian Republic of)', 'Venezuela (République bolivarienne du)'],
    ['KOR', 'Republic of Korea', 'République de Corée'],
    ['PRK', "Democratic People's Republic of Korea", 'République populaire démocratique de Corée'],
    ['TZA', 'United Republic of Tanzania', 'République-Unie de Tanzanie'],
    ['MDA', 'Republic of Moldova', 'République de Moldova'],
    ['FSM', 'Micronesia (Federated States of)', 'Micronésie (États fédérés de)'],
    ['LAO', "Lao People's Democratic Republic", 'République démocratique populaire lao'],
    ['NLD', 'Netherlands (Kingdom of the)', 'Pays-Bas (Royaume des)'],
    ['GBR', 'United Kingdom of Great Britain and Northern Ireland', "Royaume-Uni de Grande-Bretagne et d'Irlande du Nord"],
    ['CZE', 'Czechia', 'Tchéquie'],
    ['TUR', 'Türkiye', 'Türkiye'],
    ['SWZ', 'Eswatini', 'Eswatini'],
    ['MKD', 'North Macedonia', 'Macédoine du Nord'],
    ['VNM', 'Viet Nam', 'Viet Nam'],
    ['CIV', "Côte d'Ivoire", "Côte d'Ivoire"],
    ['CPV', 'Cabo Verde', 'Cabo Verde'],
    ['PSE', 'State of Palestine', 'État de Palestine'],
    ['VAT', 'Holy See', 'Saint-Siège'],
  ])('%s is "%s" / « %s »', (code, enName, frName) => {
    const n = naming(code);
    expect(n.en.name).toBe(enName);
    expect(n.fr.name).toBe(frName);
  });
});

describe('French phrases', () => {
  it.each([
    ['SEN', 'du Sénégal'],
    ['IND', "de l'Inde"],
    ['PER', 'du Pérou'],
    ['PHL', 'des Philippines'],
    ['FRA', 'de la France'],
    ['PRT', 'du Portugal'],
    ['CUB', 'de Cuba'],
    ['ISR', "d'Israël"],
    ['USA', "des États-Unis d'Amérique"],
    ['GBR', "du Royaume-Uni de Grande-Bretagne et d'Irlande du Nord"],
    ['COD', 'de la République démocratique du Congo'],
    ['COG', 'du Congo'],
    ['RUS', 'de la Fédération de Russie'],
    ['KOR', 'de la République de Corée'],
    ['TUR', 'de la Türkiye'],
    ['BOL', 'de la Bolivie (État plurinational de)'],
    ['IRN', "de l'Iran (République islamique d')"],
    ['VEN', 'du Venezuela (République bolivarienne du)'],
    ['NLD', 'des Pays-Bas (Royaume des)'],
    ['ARE', 'des Émirats arabes unis'],
    ['MHL', 'des Îles Marshall'],
    ['SLB', 'des Îles Salomon'],
    ['FJI', 'des Fidji'],
    ['ECU', "de l'Équateur"],
    ['EGY', "de l'Égypte"],
    ['SWZ', "de l'Eswatini"],
    ['PSE', "de l'État de Palestine"],
    ['VAT', 'du Saint-Siège'],
    ['HTI', "d'Haïti"],
    ['OMN', "d'Oman"],
    ['SLV', "d'El Salvador"],
    ['ATG', "d'Antigua-et-Barbuda"],
    ['HND', 'du Honduras'],
    ['HUN', 'de la Hongrie'],
    ['YEM', 'du Yémen'],
    ['TLS', 'du Timor-Leste'],
    ['VNM', 'du Viet Nam'],
    ['MUS', 'de Maurice'],
    ['STP', 'de Sao Tomé-et-Principe'],
    ['VCT', 'de Saint-Vincent-et-les Grenadines'],
    ['LKA', 'de Sri Lanka'],
    ['CPV', 'de Cabo Verde'],
    ['TTO', 'de la Trinité-et-Tobago'],
  ])('%s → %s', (code, phrase) => {
    expect(fr(code)).toBe(phrase);
  });

  it('writes the name with its article', () => {
    expect(frenchWithArticle(naming('SEN'))).toBe('le Sénégal');
    expect(frenchWithArticle(naming('IND'))).toBe("l'Inde");
    expect(frenchWithArticle(naming('PHL'))).toBe('les Philippines');
    expect(frenchWithArticle(naming('CUB'))).toBe('Cuba');
  });
});

describe('English phrases', () => {
  it.each([
    ['PHL', 'of the Philippines'],
    ['SEN', 'of Senegal'],
    ['USA', 'of the United States of America'],
    ['COD', 'of the Democratic Republic of the Congo'],
    ['IND', 'of India'],
    ['COG', 'of the Congo'],
    ['GMB', 'of the Gambia'],
    ['SDN', 'of the Sudan'],
    ['SSD', 'of South Sudan'],
    ['NER', 'of the Niger'],
    ['NGA', 'of Nigeria'],
    ['BHS', 'of the Bahamas'],
    ['COM', 'of the Comoros'],
    ['MHL', 'of the Marshall Islands'],
    ['SLB', 'of Solomon Islands'],
    ['RUS', 'of the Russian Federation'],
    ['GBR', 'of the United Kingdom of Great Britain and Northern Ireland'],
    ['KOR', 'of the Republic of Korea'],
    ['SYR', 'of the Syrian Arab Republic'],
    ['CZE', 'of Czechia'],
    ['BOL', 'of Bolivia (Plurinational State of)'],
    ['NLD', 'of the Netherlands (Kingdom of the)'],
    ['VAT', 'of the Holy See'],
    ['PSE', 'of the State of Palestine'],
    ['TUR', 'of Türkiye'],
  ])('%s → %s', (code, phrase) => {
    expect(en(code)).toBe(phrase);
  });

  it('writes the name with its article', () => {
    expect(englishWithArticle(naming('PHL'))).toBe('the Philippines');
    expect(englishWithArticle(naming('SEN'))).toBe('Senegal');
  });
});

describe('per-document overrides', () => {
  const doc = (countryNames: unknown) => ({ meta: { countryNames } }) as unknown as RDocument;

  it('replaces both names for a historic naming', () => {
    const d = doc({
      LBY: {
        en: { name: 'Libyan Arab Jamahiriya', article: true },
        fr: { name: 'Jamahiriya arabe libyenne', article: 'la' },
      },
    });
    const n = countryNaming('LBY', d);
    expect(n && englishOf(n)).toBe('of the Libyan Arab Jamahiriya');
    expect(n && frenchOf(n)).toBe('de la Jamahiriya arabe libyenne');
    // other countries, and the same country without the document, keep the table's names
    expect(englishOf(naming('LBY'))).toBe('of Libya');
    expect(frenchOf(naming('LBY'))).toBe('de la Libye');
    const sen = countryNaming('SEN', d);
    expect(sen && frenchOf(sen)).toBe('du Sénégal');
  });

  it('falls back to the table for the language the override leaves out', () => {
    const n = countryNaming('LBY', doc({ LBY: { en: { name: 'Libyan Arab Jamahiriya', article: true } } }));
    expect(n && englishOf(n)).toBe('of the Libyan Arab Jamahiriya');
    expect(n && frenchOf(n)).toBe('de la Libye');
  });

  it('names a State missing from the table only when both languages are given', () => {
    const both = doc({
      YUG: { en: { name: 'Yugoslavia', article: false }, fr: { name: 'Yougoslavie', article: 'la' } },
    });
    const n = countryNaming('YUG', both);
    expect(n && englishOf(n)).toBe('of Yugoslavia');
    expect(n && frenchOf(n)).toBe('de la Yougoslavie');
    expect(countryNaming('YUG', doc({ YUG: { en: { name: 'Yugoslavia', article: false } } }))).toBeUndefined();
  });

  it('reads the table when the document has no overrides', () => {
    expect(countryNaming('SEN', doc(undefined))).toEqual(countryNaming('SEN'));
  });
});
