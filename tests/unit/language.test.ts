/** French and English rules: dates, ordinals, numbers in words, typography, generated text. */
import { describe, expect, it } from 'vitest';
import { formatDate, ordinalNumber, dateStamp, frenchOrdinalSuffixes, parseIsoDate } from '../../src/core/locale/dates';
import { englishOrdinal, frenchCardinal, frenchOrdinal, partOrdinalWords, sessionWords, yearWords } from '../../src/core/locale/numberWords';
import { applyFrenchSpacing, NBSP, NNBSP, plainSpaces } from '../../src/core/locale/typography';
import { generatedBlockText, partHeadingText } from '../../src/core/wording/generated';
import { signatureText } from '../../src/core/wording/signatures';
import { closingRequest, letterTitle } from '../../src/core/wording/letters';
import { statementOpening, statementTitle } from '../../src/core/wording/statements';
import { orderedAddressees } from '../../src/core/wording/roles';
import { DocumentBuilder, sequentialIds } from '../../src/core/model/builder';
import type { Addressee, Block, Meta } from '../../src/core/model/schema';

describe('dates', () => {
  it('writes the first of the month as 1er in French, plain in English', () => {
    expect(formatDate('2016-01-01', 'fr')).toBe('1er janvier 2016');
    expect(formatDate('2016-01-01', 'en')).toBe('1 January 2016');
    expect(formatDate('2017-02-13', 'en')).toBe('13 February 2017');
    expect(formatDate('2017-02-13', 'fr')).toBe('13 février 2017');
    expect(formatDate('2021-08-18', 'fr')).toBe('18 août 2021');
  });
  it('refuses impossible dates', () => {
    expect(() => parseIsoDate('2017-02-30')).toThrow(/no such day/);
    expect(() => formatDate('13/02/2017', 'fr')).toThrow(/YYYY-MM-DD/);
  });
  it('stamps DDMMYY', () => {
    expect(dateStamp('2017-02-22')).toBe('220217');
  });
});

describe('ordinals', () => {
  it('in figures', () => {
    expect(ordinalNumber(8838, 'fr')).toBe('8838e');
    expect(ordinalNumber(1, 'fr', 'f')).toBe('1re');
    expect(ordinalNumber(1, 'fr', 'm')).toBe('1er');
    expect(ordinalNumber(4322, 'en')).toBe('4322nd');
    expect(ordinalNumber(8838, 'en')).toBe('8838th');
    expect(ordinalNumber(11, 'en')).toBe('11th');
    expect(ordinalNumber(111, 'en')).toBe('111th');
    expect(ordinalNumber(101, 'en')).toBe('101st');
    expect(ordinalNumber(23, 'en')).toBe('23rd');
  });
  it('in words, for sessions, years and parts', () => {
    expect(sessionWords(71, 'fr')).toBe('Soixante et onzième session');
    expect(sessionWords(71, 'en')).toBe('Seventy-first session');
    expect(sessionWords(64, 'fr')).toBe('Soixante-quatrième session');
    expect(yearWords(65, 'fr')).toBe('Soixante-cinquième année');
    expect(yearWords(72, 'en')).toBe('Seventy-second year');
    expect(sessionWords(80, 'fr')).toBe('Quatre-vingtième session');
    expect(sessionWords(81, 'fr')).toBe('Quatre-vingt-unième session');
    expect(sessionWords(79, 'fr')).toBe('Soixante-dix-neuvième session');
    expect(sessionWords(80, 'en')).toBe('Eightieth session');
    expect(frenchOrdinal(21)).toBe('vingt et unième');
    expect(frenchOrdinal(9)).toBe('neuvième');
    expect(frenchOrdinal(200)).toBe('deux centième');
    expect(frenchCardinal(280)).toBe('deux cent quatre-vingts');
    expect(englishOrdinal(12)).toBe('twelfth');
    expect(partOrdinalWords(1, 'fr')).toBe('Première partie');
    expect(partOrdinalWords(2, 'en')).toBe('Part two');
  });
  it('finds the French suffixes to raise', () => {
    const text = 'le 1er janvier, à sa 8838e séance, la 1re fois, pas ici: 3 euros';
    expect(frenchOrdinalSuffixes(text).map(([a, b]) => text.slice(a, b))).toEqual(['er', 'e', 're']);
  });
});

describe('French typography', () => {
  it('puts no-break spaces before high punctuation and inside guillemets, New York style', () => {
    expect(applyFrenchSpacing('Original : anglais', 'new-york')).toBe(`Original${NBSP}: anglais`);
    expect(applyFrenchSpacing('Vraiment ? Oui ; non !', 'new-york')).toBe(`Vraiment${NNBSP}? Oui${NNBSP}; non${NNBSP}!`);
    expect(applyFrenchSpacing('« Protéger les protecteurs »', 'new-york')).toBe(`«${NBSP}Protéger les protecteurs${NBSP}»`);
    expect(applyFrenchSpacing('Vraiment ?', 'nbsp')).toBe(`Vraiment${NBSP}?`);
    expect(applyFrenchSpacing('«texte»', 'nbsp')).toBe(`«${NBSP}texte${NBSP}»`);
  });
  it('leaves URLs, times and text untouched when off', () => {
    expect(applyFrenchSpacing('https://eroom.un.org/eRoom à 10:30', 'new-york')).toBe('https://eroom.un.org/eRoom à 10:30');
    expect(applyFrenchSpacing('Original : anglais', 'off')).toBe('Original : anglais');
  });
  it('is undone by plainSpaces', () => {
    const s = 'Il a dit : « oui » ; puis ?';
    expect(plainSpaces(applyFrenchSpacing(s, 'new-york'))).toBe(s);
  });
});

function letterDoc(patch: Partial<Meta> = {}) {
  const meta: Meta = {
    kind: 'letter',
    originalLanguage: 'fr',
    symbols: [],
    organs: ['SC'],
    distribution: 'general',
    letterDate: '2017-02-14',
    sessions: [],
    sender: 's',
    addressees: [{ kind: 'secretary-general', gender: 'm' }],
    people: [{ id: 's', name: 'Ayşe Yılmaz', gender: 'f', role: { kind: 'charge-d-affaires', country: 'TUR' } }],
    ...patch,
  };
  const b = new DocumentBuilder(meta, 'fr', sequentialIds());
  const letter = b.part('letter');
  b.para(letter, 'Texte.', false);
  const closing = b.closing(letter);
  const signature = b.signature(letter, ['s']) as Extract<Block, { kind: 'signature' }>;
  return { doc: b.doc, letter, closing, signature, b };
}

describe('letter titles', () => {
  it('follows each language’s word order, with the chargé d’affaires wording and grammatical gender', () => {
    const { doc } = letterDoc();
    expect(letterTitle(doc, 'fr')).toBe(
      "Lettre datée du 14 février 2017, adressée au Secrétaire général par la Chargée d'affaires par intérim de la Mission permanente de la Türkiye auprès de l'Organisation des Nations Unies",
    );
    expect(letterTitle(doc, 'en')).toBe(
      "Letter dated 14 February 2017 from the Chargé d'affaires a.i. of the Permanent Mission of Türkiye to the United Nations addressed to the Secretary-General",
    );
  });

  it('writes identical letters with the addressees in the Manual’s order', () => {
    const addressees: Addressee[] = [
      { kind: 'president-security-council', gender: 'f' },
      { kind: 'secretary-general', gender: 'm' },
      { kind: 'president-general-assembly', gender: 'm' },
    ];
    expect(orderedAddressees(addressees).map((a) => a.kind)).toEqual(['secretary-general', 'president-general-assembly', 'president-security-council']);
    const { doc } = letterDoc({
      identicalLetters: true,
      addressees,
      people: [{ id: 's', name: 'X', gender: 'm', role: { kind: 'permanent-representative', country: 'PHL' } }],
    });
    expect(letterTitle(doc, 'fr')).toBe(
      "Lettres identiques datées du 14 février 2017, adressées au Secrétaire général, au Président de l'Assemblée générale et à la Présidente du Conseil de sécurité par le Représentant permanent des Philippines auprès de l'Organisation des Nations Unies",
    );
    expect(letterTitle(doc, 'en')).toBe(
      'Identical letters dated 14 February 2017 from the Permanent Representative of the Philippines to the United Nations addressed to the Secretary-General, the President of the General Assembly and the President of the Security Council',
    );
  });

  it('uses a historic country name given as an override', () => {
    const { doc } = letterDoc({
      people: [{ id: 's', name: 'X', gender: 'm', role: { kind: 'permanent-representative', country: 'LBY' } }],
      countryNames: { LBY: { en: { name: 'Libyan Arab Jamahiriya', article: true }, fr: { name: 'Jamahiriya arabe libyenne', article: 'la' } } },
    });
    expect(letterTitle(doc, 'en')).toContain('Permanent Representative of the Libyan Arab Jamahiriya to the United Nations');
    expect(letterTitle(doc, 'fr')).toContain('Représentant permanent de la Jamahiriya arabe libyenne auprès');
  });

  it('shows missing metadata as a visible gap', () => {
    const { doc } = letterDoc({ letterDate: undefined, addressees: [] });
    expect(letterTitle(doc, 'fr')).toBe(
      "Lettre datée du …, adressée à … par la Chargée d'affaires par intérim de la Mission permanente de la Türkiye auprès de l'Organisation des Nations Unies",
    );
  });
});

describe('closing request, annex headings and signatures', () => {
  it('adapts to the sender’s gender and to the annexes', () => {
    const { doc, letter, b } = letterDoc();
    expect(closingRequest(doc, letter, 'fr')).toBe(
      'Je vous serais reconnaissante de bien vouloir faire distribuer le texte de la présente lettre comme document du Conseil de sécurité.',
    );
    b.part('annex', { owner: letter });
    expect(closingRequest(doc, letter, 'en')).toBe(
      'I should be grateful if you would have the present letter and its annex circulated as a document of the Security Council.',
    );
    b.part('annex', { owner: letter });
    expect(closingRequest(doc, letter, 'fr')).toContain('de la présente lettre et de ses annexes comme document du Conseil de sécurité.');
    expect(partHeadingText(doc, letter.parts[1]!, 'en')).toBe(
      "Annex II to the letter dated 14 February 2017 from the Chargé d'affaires a.i. of the Permanent Mission of Türkiye to the United Nations addressed to the Secretary-General",
    );
  });

  it('honours an override, per language', () => {
    const { doc, letter, closing } = letterDoc();
    doc.overrides[`closing:${closing.id}`] = { fr: 'Je vous serais donc obligée de bien vouloir faire distribuer la présente lettre.' };
    expect(generatedBlockText(doc, closing, letter, 'fr')).toBe('Je vous serais donc obligée de bien vouloir faire distribuer la présente lettre.');
    expect(generatedBlockText(doc, closing, letter, 'en')).toBe(closingRequest(doc, letter, 'en'));
    expect(generatedBlockText(doc, closing, letter, 'en')).toMatch(/^I should be grateful/);
  });

  it('orders the signature block per language', () => {
    const { doc, signature } = letterDoc();
    expect(signatureText(doc, signature, 'fr')).toEqual([["La Chargée d'affaires par intérim", '(Signé) Ayşe Yılmaz']]);
    expect(signatureText(doc, signature, 'en')).toEqual([["(Signed) Ayşe Yılmaz", "Chargé d'affaires a.i."]]);
  });
});

describe('presidential statements', () => {
  it('opening formula and title follow the president’s gender', () => {
    const { doc } = letterDoc({
      kind: 'presidential-statement',
      meeting: { number: 4322, date: '2001-05-30', item: { en: 'The situation in the Middle East', fr: 'La situation au Moyen-Orient' }, presidentGender: 'f' },
    });
    expect(statementOpening(doc, 'en')).toBe(
      'At the 4322nd meeting of the Security Council, held on 30 May 2001, in connection with the Council\'s consideration of the item entitled “The situation in the Middle East”, the President of the Security Council made the following statement on behalf of the Council:',
    );
    expect(statementOpening(doc, 'fr')).toBe(
      'Le Conseil de sécurité ayant examiné à sa 4322e séance, le 30 mai 2001, la question intitulée « La situation au Moyen-Orient », sa présidente a fait en son nom la déclaration suivante :',
    );
    expect(statementTitle(doc, 'fr')).toBe('Déclaration de la Présidente du Conseil de sécurité');
    expect(statementTitle(doc, 'en')).toBe('Statement by the President of the Security Council');
  });
});

describe('country names in titles', () => {
  it('use the inverted formal form for names the list writes with a parenthesis', () => {
    const title = (country: string, lang: 'fr' | 'en') =>
      letterTitle(letterDoc({ people: [{ id: 's', name: 'X', gender: 'm', role: { kind: 'permanent-representative', country } }] }).doc, lang);
    expect(title('VEN', 'en')).toContain('Permanent Representative of the Bolivarian Republic of Venezuela to the United Nations');
    expect(title('VEN', 'fr')).toContain('Représentant permanent de la République bolivarienne du Venezuela auprès');
    expect(title('IRN', 'fr')).toContain("de la République islamique d'Iran auprès");
    expect(title('BOL', 'fr')).toContain("de l'État plurinational de Bolivie auprès");
    expect(title('NLD', 'fr')).toContain('du Royaume des Pays-Bas auprès');
    expect(title('NLD', 'en')).toContain('of the Kingdom of the Netherlands to');
    expect(title('FSM', 'en')).toContain('of the Federated States of Micronesia to');
    expect(title('SEN', 'fr')).toContain('du Sénégal auprès');
  });
});
