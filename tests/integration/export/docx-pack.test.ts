/**
 * The body-at-a-time packer (pack.ts, issue 16) writes the DOCX `Packer.toBuffer` writes: every
 * part, byte for byte and in the same order, for documents with images in the body (masthead
 * image, letterhead logo, signatures), numbering, footnotes, cross-references, tables and tracked
 * changes. Each side builds its own docx tree: a tree can be formatted only once.
 */
import { strFromU8, unzipSync } from 'fflate';
import { Document, Packer } from 'docx';
import { describe, expect, it } from 'vitest';
import { importText } from '../../../src/core/import';
import type { RDocument } from '../../../src/core/model/schema';
import { defaultExportOptions, type ExportOptions } from '../../../src/core/render/options';
import { docxPackage } from '../../../src/services/export/docx/index';
import { packDocx } from '../../../src/services/export/docx/pack';
import type { ChangesFrom } from '../../../src/services/export/docx/revisions';
import { readSeed } from '../../fixtures/seeds';
import { featureDocument, jointLetter } from './docx-documents';
import { png } from './print-helpers';

async function withDocx(doc: RDocument, options: ExportOptions, changes?: ChangesFrom): Promise<Uint8Array> {
  const { pkg } = docxPackage(doc, options, changes);
  const buffer = await Packer.toBuffer(new Document({ ...pkg.options, sections: [{ ...pkg.section, children: pkg.body }] }));
  return new Uint8Array(buffer);
}

/**
 * The parts in their order, as text where they are XML. Two things are the process's, not the
 * document's, and are left out: the time the document was made, the watermark shape's id (random),
 * and where docx's drawing ids (one counter for the whole process) start: they are numbered in order instead.
 */
function parts(bytes: Uint8Array): [string, string][] {
  return Object.entries(unzipSync(bytes)).map(([path, data]) => {
    if (/\.(png|jpe?g)$/.test(path)) return [path, data.join(',')];
    let drawing = 0;
    const text = strFromU8(data).replace(/\d{4}-\d\d-\d\dT[\d:.]+Z/g, 'TIME').replace(/PowerPlusWaterMarkObject[\w-]+/g, 'WATERMARK').replace(/<wp:docPr id="\d+"/g, () => `<wp:docPr id="${++drawing}"`);
    return [path, text];
  });
}

const feature = featureDocument('fr').doc;
const seed = importText(readSeed('000')).doc;
const edited: RDocument = structuredClone(seed);
edited.parts[1]!.blocks.splice(3, 1);
const cases: [string, RDocument, ExportOptions, ChangesFrom?][] = [
  ['feature, issued, masthead image and watermark', feature, { ...defaultExportOptions('fr', 'issued'), mastheadImage: png(50, 50), watermark: true }],
  ['feature, signed letterhead', feature, { ...defaultExportOptions('fr', 'letterhead'), letterhead: { lines: ['Mission permanente du Sénégal'], reference: 'No 17/2024', place: 'New York', logo: png(60, 30) }, signatures: { chair: png(90, 30), deputy: png(80, 30) }, finalised: true }],
  ['joint letter, manuscript', jointLetter('en'), defaultExportOptions('en', 'manuscript')],
  ['seed 000 with tracked changes', edited, defaultExportOptions('fr', 'issued'), { from: seed, ids: 'trust', author: 'Awa Diop', date: '2017-02-01T09:00:00Z', style: 'tracked' }],
];

describe('packing the body a block at a time', () => {
  it.each(cases)('%s: the same parts as docx’s Packer', async (_name, doc, options, changes) => {
    const expected = parts(await withDocx(doc, options, changes));
    const actual = parts(packDocx(docxPackage(doc, options, changes).pkg));
    expect(actual.map(([p]) => p)).toEqual(expected.map(([p]) => p));
    for (const [i, [path, text]] of actual.entries()) expect(text, path).toBe(expected[i]![1]);
    // the body's images are really there, with relationships of their own
    if (options.mastheadImage || options.signatures) expect(expected.some(([p]) => p.startsWith('word/media/'))).toBe(true);
  });
});
