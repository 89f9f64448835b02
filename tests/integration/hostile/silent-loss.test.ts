/**
 * Silent loss and limits that were not sentences (campaign findings 5, 6): numbering past 9,999,
 * a list that starts at 4,000 in roman numerals, hundreds of annexes, and inputs with nothing to
 * keep — which always get the same answer — and the warnings for what is flattened or left out.
 */
import { describe, expect, it } from 'vitest';
import { importBytes } from '../../../src/services/import';
import { failure } from '../import/refusals';
import { numberDocument } from '../../../src/core/numbering/numbering';
import { toRoman } from '../../../src/core/numbering/numerals';
import { CONTENT_TYPES, documentXml, minimalDocx, para, zip } from './zip-fixtures';

const enc = new TextEncoder();


describe('numbering has no limit at 9,999', () => {
  it('paragraphs 1 to 10,002 typed in a text file are all numbered, 10,001 included', () => {
    const lines = ['Rapport du Groupe de travail', ''];
    for (let i = 1; i <= 10_002; i++) lines.push(`${i}. Le Groupe de travail a examiné le point ${i} de son programme.`, '');
    const r = importBytes(enc.encode(lines.join('\n')), { name: 'long.txt' });
    expect(r.report.numberedParagraphs).toBe(10_002);
    const labels = numberDocument(r.doc, 'fr');
    const body = r.doc.parts.find((p) => p.kind === 'body')!;
    const b10001 = body.blocks.find((b) => JSON.stringify(r.doc.text.fr![b.id]).includes('le point 10001 '))!;
    expect(b10001).toMatchObject({ kind: 'paragraph', numbered: true });
    expect(labels.blocks.get(b10001.id)?.label).toBe('10001.');
  }, 30_000);

  it('roman numerals run on past 3,999', () => {
    expect(toRoman(3999)).toBe('MMMCMXCIX');
    expect(toRoman(4000)).toBe('MMMM');
    expect(toRoman(4014)).toBe('MMMMXIV');
    expect(() => toRoman(0)).toThrow(RangeError);
  });

  it('a DOCX list in roman numerals starting at 4,000 imports, with its numbers', () => {
    const numbering = enc.encode(
      '<?xml version="1.0" encoding="UTF-8"?><w:numbering xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">' +
        '<w:abstractNum w:abstractNumId="0"><w:lvl w:ilvl="0"><w:start w:val="4000"/><w:numFmt w:val="upperRoman"/><w:lvlText w:val="%1."/></w:lvl></w:abstractNum>' +
        '<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num></w:numbering>',
    );
    const item = (t: string) => `<w:p><w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr></w:pPr><w:r><w:t>${t}</w:t></w:r></w:p>`;
    const body = para('Le Groupe s’est réuni à Genève.') + item('Premier point de la liste, élaboré.') + item('Second point de la liste, élaboré.');
    const r = importBytes(zip([{ name: '[Content_Types].xml', data: CONTENT_TYPES }, { name: 'word/document.xml', data: documentXml(body) }, { name: 'word/numbering.xml', data: numbering }]), { name: 'liste.docx' });
    const text = JSON.stringify(r.doc.text);
    expect(text).toContain('Premier point de la liste');
    expect(text).toContain('Second point de la liste');
  });
});

describe('annexes', () => {
  it('300 annexes in a text file give 300 annexes (there was a cap at 100)', () => {
    const lines = ['Lettre datée du 3 mars 2022', '', 'J’ai l’honneur de vous faire tenir ci-joint les annexes.', ''];
    for (let i = 1; i <= 300; i++) lines.push(`Annexe ${i}`, '', `Texte de l’annexe numéro ${i}, qui est complet.`, '');
    const r = importBytes(enc.encode(lines.join('\n')), { name: 'annexes.txt' });
    expect(r.report.annexes).toBe(300);
  }, 60_000);
});

describe('nothing to keep: always the same refusal', () => {
  it.each([
    ['page.txt', enc.encode('- 3 -\n')],
    ['symbole.txt', enc.encode('A/75/1\n')],
    ['vide.docx', minimalDocx('<w:p/><w:p><w:r><w:t> </w:t></w:r></w:p>')],
  ])('%s', (name, bytes) => {
    const e = failure(() => importBytes(bytes, { name }));
    expect(e.code).toBe('empty');
    expect(e.message).toMatch(new RegExp(`^${name.replace('.', '\\.')}: nothing to import: `));
  });
});

describe('what the importer flattens or leaves out, it says', () => {
  it('text boxes, images, tracked deletions and an embedded document each give a warning', () => {
    const box = '<w:p><w:r><w:t xml:space="preserve">Le Groupe s’est réuni. </w:t></w:r><w:r><w:pict><w:txbxContent><w:p><w:r><w:t>Encadré du rapport.</w:t></w:r></w:p></w:txbxContent></w:pict></w:r></w:p>';
    const image = '<w:p><w:r><w:t>Une figure suit.</w:t></w:r><w:r><w:drawing/></w:r></w:p>';
    const deleted = '<w:p><w:r><w:t xml:space="preserve">Le texte reste </w:t></w:r><w:del><w:r><w:delText>supprimé</w:delText></w:r></w:del></w:p>';
    const r = importBytes(minimalDocx(box + image + deleted + '<w:altChunk/>'), { name: 'aplati.docx' });
    expect(r.report.warnings).toEqual(
      expect.arrayContaining([
        '1 paragraph from text boxes imported as ordinary paragraphs.',
        '1 image or drawing not imported (add images in Rapporteur).',
        '1 tracked deletion left out: the text was imported as if the changes were accepted.',
        'an embedded document (altChunk) could not be imported.',
      ]),
    );
    const text = JSON.stringify(r.doc.text);
    expect(text).toContain('Encadré du rapport.');
    expect(text).not.toContain('supprimé');
  });
});
