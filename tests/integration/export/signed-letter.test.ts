/**
 * The signed letter (issue 12, point 6): the letterhead export of a finalised letter, rendered
 * by LibreOffice, reads like the original the ambassador signs: the mission's letterhead, the
 * reference, place and date, the salutation, the body, the closing request, the complimentary
 * close, the signature image above the name, and the addressee block, in the letter's language
 * and the addressee's gender, in that order. And the same words in the print view.
 */
import { describe, expect, test } from 'vitest';
import type { Addressee, RDocument } from '../../../src/core/model/schema';
import { createFromTemplate } from '../../../src/core/templates/index';
import { defaultExportOptions, type ExportOptions } from '../../../src/core/render/options';
import { renderHtml } from '../../../src/services/export/html/index';
import { code39Png } from '../../../src/services/export/docx/barcode';
import { seed004 } from '../../fixtures/seeds';
import { imagesPerPage, renderJobs, type RenderJob } from './libreoffice';
import { fold } from './docx-documents';

const picture = code39Png('*7*', 40).png;

function frenchLetter(gender: 'm' | 'f'): RDocument {
  const doc = structuredClone(seed004().doc);
  const addressee: Addressee = { kind: 'president-security-council', gender, name: gender === 'f' ? 'Joanna Wronecka' : 'Jerry Matjila' };
  doc.meta = { ...doc.meta, addressees: [addressee], reference: 'PER/2019/412' };
  return doc;
}

function englishLetter(): RDocument {
  const doc = createFromTemplate('letter', 'en');
  const letter = doc.parts[0]!;
  const para = letter.blocks.find((b) => b.kind === 'paragraph')!;
  doc.text.en![para.id] = { content: [{ type: 'text', text: 'I have the honour to transmit herewith the statement of my Government.' }] };
  doc.meta = {
    ...doc.meta,
    letterDate: '2026-03-05',
    addressees: [{ kind: 'secretary-general', gender: 'm', name: 'António Guterres' }],
    people: [{ id: 'sender', name: 'Amina Diop', gender: 'f', role: { kind: 'permanent-representative', country: 'SEN' } }],
  };
  return doc;
}

const options = (lang: 'fr' | 'en', finalised: boolean, person: string): ExportOptions => ({
  ...defaultExportOptions(lang, 'letterhead'),
  finalised,
  letterhead: { lines: [lang === 'fr' ? 'Mission permanente du Pérou auprès de l’Organisation des Nations Unies' : 'Permanent Mission of Senegal to the United Nations', '820 Second Avenue, New York'], place: 'New York' },
  signatures: { [person]: { bytes: picture, mime: 'image/png' } },
});

const overridden = (() => {
  const doc = frenchLetter('m');
  doc.overrides['close:p1'] = { fr: 'Je vous prie d’agréer, Monsieur le Président, l’assurance de ma haute considération.' };
  return doc;
})();

const jobs: Record<string, RenderJob> = {
  'fr-m': { doc: frenchLetter('m'), options: options('fr', true, 'duclos') },
  'fr-f': { doc: frenchLetter('f'), options: options('fr', true, 'duclos') },
  'en-sg': { doc: englishLetter(), options: options('en', true, 'sender') },
  'fr-draft': { doc: frenchLetter('m'), options: options('fr', false, 'duclos') },
  'fr-override': { doc: overridden, options: options('fr', true, 'duclos') },
};

const rendered = renderJobs(jobs, 'signed letters rendered');

/** The non-empty lines LibreOffice laid out, spaces folded. */
const lines = (name: string) =>
  fold(rendered(name).pages.join('\n'))
    .split('\n')
    .map((l) => l.replace(/\s+/g, ' ').trim())
    .filter((l) => l !== '');

/**
 * Each expected text appears in the rendering, in this order (spaces folded: LibreOffice wraps a
 * long close over two lines and sets the reference and the date on one).
 */
function expectLinesInOrder(name: string, expected: string[]): void {
  const got = lines(name).join(' ');
  let from = 0;
  for (const want of expected.map((e) => fold(e).replace(/\s+/g, ' '))) {
    const at = got.indexOf(want, from);
    expect(at, `${name}: "${want}" not found (in order) in:\n${lines(name).join('\n')}`).toBeGreaterThanOrEqual(from);
    from = at + want.length;
  }
}

describe('the signed letter, as LibreOffice lays out the DOCX', () => {
  test('French, to the President of the Security Council', async () => {
    expectLinesInOrder('fr-m', [
      "Mission permanente du Pérou auprès de l'Organisation des Nations Unies",
      'PER/2019/412',
      'New York, le 8 octobre 2019',
      'Monsieur le Président,',
      'Veuillez agréer, Monsieur le Président, les assurances de ma très haute considération.',
      "Le Chargé d'affaires par intérim",
      'Paul Duclos',
      'Son Excellence Monsieur Jerry Matjila',
      'Président du Conseil de sécurité',
      'New York',
    ]);
    expect(lines('fr-m').join('\n')).not.toContain('(Signé)');
    expect((await imagesPerPage(rendered('fr-m').pdf)).get(1) ?? 0).toBe(1);
  });

  test('French, to the President of the Security Council: feminine forms', async () => {
    expectLinesInOrder('fr-f', [
      'Madame la Présidente,',
      'Veuillez agréer, Madame la Présidente, les assurances de ma très haute considération.',
      'Paul Duclos',
      'Son Excellence Madame Joanna Wronecka',
      'Présidente du Conseil de sécurité',
      'New York',
    ]);
    expect(lines('fr-f').join('\n')).not.toContain('Monsieur le Président');
  });

  test('English, to the Secretary-General', async () => {
    expectLinesInOrder('en-sg', [
      'Permanent Mission of Senegal to the United Nations',
      'New York, 5 March 2026',
      'Excellency,',
      'I have the honour to transmit herewith the statement of my Government.',
      'Please accept, Excellency, the assurances of my highest consideration.',
      'Amina Diop',
      'Permanent Representative',
      'His Excellency Mr. António Guterres',
      'Secretary-General of the United Nations',
      'New York',
    ]);
    expect(lines('en-sg').join('\n')).not.toContain('(Signed)');
    expect((await imagesPerPage(rendered('en-sg').pdf)).get(1) ?? 0).toBe(1);
  });

  test('a draft has the same wording and no signature image; an override replaces the close', async () => {
    expectLinesInOrder('fr-draft', ['Monsieur le Président,', 'Veuillez agréer, Monsieur le Président, les assurances de ma très haute considération.', 'Son Excellence Monsieur Jerry Matjila']);
    expect((await imagesPerPage(rendered('fr-draft').pdf)).get(1) ?? 0).toBe(0);
    expectLinesInOrder('fr-override', ['Monsieur le Président,', "Je vous prie d'agréer, Monsieur le Président, l'assurance de ma haute considération.", 'Son Excellence Monsieur Jerry Matjila']);
    expect(lines('fr-override').join('\n')).not.toContain('très haute considération');
  });
});

describe('the print view says the same', () => {
  test('salutation, close and addressee block in the HTML, in order', () => {
    const html = renderHtml(jobs['fr-f']!.doc, jobs['fr-f']!.options).html.replace(/<[^>]+>/g, '\n').replace(/&nbsp;|\u00a0|\u202f/g, ' ');
    const order = ['Madame la Présidente,', 'Veuillez agréer, Madame la Présidente, les assurances de ma très haute considération.', 'Son Excellence Madame Joanna Wronecka', 'Présidente du Conseil de sécurité'].map((s) => html.indexOf(s));
    expect(order.every((i) => i >= 0)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
  });
  test('the issued profile has none of it (the Secretariat leaves it out)', () => {
    const html = renderHtml(jobs['fr-m']!.doc, defaultExportOptions('fr', 'issued')).html;
    expect(html).not.toContain('Son Excellence');
    expect(html).not.toContain('Veuillez agréer');
  });
});
