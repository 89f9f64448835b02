/**
 * Zip bombs and damaged archives (campaign findings 1, 2, 5): every limit is checked while
 * inflating, in the normal and in the repair path, and each refusal is one sentence naming the limit.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { importBytes } from '../../../src/services/import';
import { failure } from '../import/refusals';
import { MAX_INFLATED_BYTES, MAX_XML_BYTES, MAX_ZIP_ENTRIES } from '../../../src/services/import/errors';
import { CONTENT_TYPES, deflateBomb, documentXml, minimalDocx, para, zip, type Entry } from './zip-fixtures';

const refusal = (bytes: Uint8Array) => failure(() => importBytes(bytes, { name: 'bomb.docx' }));

const MB = 1024 * 1024;
const partMb = MAX_XML_BYTES / MB;

describe('zip bombs', () => {
  let over: Uint8Array;
  beforeAll(async () => {
    over = await deflateBomb(partMb + 8);
  }, 60_000);
  it('one part that inflates past the per-part limit', async () => {
    const bomb = over;
    const e = refusal(zip([{ name: '[Content_Types].xml', data: CONTENT_TYPES }, { name: 'word/document.xml', data: bomb, raw: true, declaredSize: (partMb + 8) * MB }]));
    expect(e.code).toBe('too-large');
    expect(e.message).toBe(`bomb.docx: word/document.xml is more than ${partMb}.0 MB once unpacked; the limit is ${partMb}.0 MB per part (this may be a "zip bomb").`);
  }, 60_000);

  it('a bomb that lies about its size is stopped by what it inflates to', async () => {
    const bomb = over;
    const e = refusal(zip([{ name: '[Content_Types].xml', data: CONTENT_TYPES }, { name: 'word/document.xml', data: bomb, raw: true, declaredSize: 1000 }]));
    expect(e.message).toMatch(/word\/document\.xml is more than .* once unpacked; the limit is .* per part/);
  }, 60_000);

  it('the same bomb with its central directory cut off (the repair path) is refused the same way', async () => {
    const bomb = over;
    const e = refusal(zip([{ name: '[Content_Types].xml', data: CONTENT_TYPES }, { name: 'word/document.xml', data: bomb, raw: true, declaredSize: 1000 }], { cut: true }));
    expect(e.message).toMatch(/word\/document\.xml is more than .* once unpacked; the limit is .* per part/);
  }, 60_000);

  it('seven parts each under the per-part limit but too much together', async () => {
    const each = Math.ceil(MAX_INFLATED_BYTES / MB / 6);
    expect(each * MB).toBeLessThan(MAX_XML_BYTES);
    const bomb = await deflateBomb(each);
    const parts = ['word/styles.xml', 'word/numbering.xml', 'word/footnotes.xml', 'word/endnotes.xml', '_rels/.rels', 'word/_rels/document.xml.rels'];
    const entries: Entry[] = [{ name: '[Content_Types].xml', data: CONTENT_TYPES }, { name: 'word/document.xml', data: documentXml(para('Texte.')) }];
    for (const name of parts) entries.push({ name, data: bomb, raw: true, declaredSize: each * MB });
    const e = refusal(zip(entries));
    expect(e.message).toBe(`bomb.docx unpacks to more than ${MAX_INFLATED_BYTES / MB}.0 MB of text; the limit is ${MAX_INFLATED_BYTES / MB}.0 MB for all its parts together (this may be a "zip bomb").`);
  }, 60_000);

  it(`an archive of more than ${MAX_ZIP_ENTRIES} entries, in both paths`, () => {
    const entries: Entry[] = [{ name: '[Content_Types].xml', data: CONTENT_TYPES }, { name: 'word/document.xml', data: documentXml(para('Texte.')) }];
    for (let i = 0; i < MAX_ZIP_ENTRIES; i++) entries.push({ name: `x/${i}`, data: new Uint8Array(0), method: 0 });
    for (const cut of [false, true]) expect(refusal(zip(entries, { cut })).message).toMatch(/^bomb\.docx holds more than 10,000 files inside its archive; a \.docx holds a few dozen, and the limit is 10,000\.$/);
  });
});

describe('damaged archives say what is wrong in words', () => {
  it('an unknown compression method', () => {
    const e = refusal(zip([{ name: '[Content_Types].xml', data: CONTENT_TYPES }, { name: 'word/document.xml', data: documentXml(para('Texte.')), method: 99 }]));
    expect(e).toMatchObject({ code: 'damaged-docx', message: 'bomb.docx is a damaged or unusual .docx: word/document.xml is stored with a compression method Word does not use (method 99), so it cannot be read.' });
  });
  it('XML that is not well-formed: no parser message', () => {
    for (const xml of ['<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p>', '<w:document><x:p/></w:document>', '<a xmlns:p="">']) {
      const e = refusal(zip([{ name: '[Content_Types].xml', data: CONTENT_TYPES }, { name: 'word/document.xml', data: new TextEncoder().encode(xml) }]));
      expect(e.message).toBe('bomb.docx is a damaged .docx: word/document.xml (the document text) is not well-formed XML, so it cannot be read.');
    }
  });
  it('a damaged styles part is left out with a warning that says what it held', () => {
    const r = importBytes(minimalDocx(para('Le Groupe s’est réuni.'), [{ name: 'word/styles.xml', data: new TextEncoder().encode('<w:styles><w:style') }]), { name: 'a.docx' });
    expect(r.report.warnings).toContain('a.docx: word/styles.xml is not well-formed XML and could not be read; what it holds (the styles) is left out.');
  });
  it('a part whose real size differs from the size the archive gives is read, with a warning', () => {
    const data = documentXml(para('Le Groupe s’est réuni.'));
    const r = importBytes(zip([{ name: '[Content_Types].xml', data: CONTENT_TYPES }, { name: 'word/document.xml', data, declaredSize: 10 }]), { name: 'a.docx' });
    expect(r.report.warnings.join('\n')).toMatch(/word\/document\.xml is not the size its archive says/);
  });
});

describe('nesting chosen by the input', () => {
  const cases: [string, (n: number) => string][] = [
    ['hyperlinks', (n) => `<w:p>${'<w:hyperlink>'.repeat(n)}<w:r><w:t>Le Groupe s’est réuni à Genève.</w:t></w:r>${'</w:hyperlink>'.repeat(n)}</w:p>`],
    ['content controls', (n) => `${'<w:sdt><w:sdtContent>'.repeat(n)}${para('Le Groupe s’est réuni à Genève.')}${'</w:sdtContent></w:sdt>'.repeat(n)}`],
    ['tables', (n) => `${'<w:tbl><w:tr><w:tc>'.repeat(n)}${para('Le Groupe s’est réuni à Genève.')}${'</w:tc></w:tr></w:tbl>'.repeat(n)}`],
    ['text boxes', (n) => `<w:p><w:r>${'<w:pict><w:txbxContent><w:p><w:r>'.repeat(n)}<w:t>Le Groupe s’est réuni à Genève.</w:t>${'</w:r></w:p></w:txbxContent></w:pict>'.repeat(n)}</w:r></w:p>`],
  ];
  for (const [what, make] of cases) {
    it(`${what} nested 20,000 deep: refused with the depth limit, no stack overflow`, () => {
      const e = refusal(minimalDocx(make(20_000)));
      expect(e.message).toMatch(/^bomb\.docx: word\/document\.xml nests elements more than 256 deep .*; the limit is 256\.$|nests its elements too deeply to be read/);
    });
    it(`${what} nested 10 deep: read`, () => {
      const r = importBytes(minimalDocx(make(10)), { name: 'ok.docx' });
      expect(r.report.blocks).toBeGreaterThan(0);
    });
  }
});
