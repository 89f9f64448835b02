/**
 * DOCX import on files written by the `docx` library (a Word-like writer): Word's automatic
 * numbering (numbering.xml, heading styles) and typed numbers must both give the same structure;
 * bold, italic, the footnote, the table, the bullets and the signature lines must come through.
 */
import { describe, expect, it } from 'vitest';
import { Document, LevelFormat, AlignmentType, Packer, Paragraph, TextRun } from 'docx';
import { importBytes, readDocx } from '../../../src/services/import';
import type { Block, Part, RDocument } from '../../../src/core/model/schema';
import { parseDocument } from '../../../src/core/model/validate';
import { listBlocks } from '../../../src/core/model/walk';
import { numberDocument } from '../../../src/core/numbering/numbering';
import { documentLines } from '../../../src/core/render/text';
import { partHeadingText, partTitle } from '../../../src/core/wording/generated';
import { signatureText } from '../../../src/core/wording/signatures';
import { letterTitle } from '../../../src/core/wording/letters';
import { masthead } from '../../../src/core/wording/masthead';
import { ANNEX_HEADING, buildLetterDocx, TITLE, WORDS } from './fixtures';

function labels(doc: RDocument, part: Part) {
  const n = numberDocument(doc, 'fr');
  return listBlocks(doc)
    .filter((x) => x.part === part)
    .map(({ block }) => n.blocks.get(block.id)?.label)
    .filter((l): l is string => l !== undefined);
}

function bag(text: string): Map<string, number> {
  const m = new Map<string, number>();
  for (const w of text.toLowerCase().match(/\p{L}+|\p{N}+/gu) ?? []) m.set(w, (m.get(w) ?? 0) + 1);
  return m;
}

function everything(doc: RDocument): string {
  const m = masthead(doc, 'fr');
  const notes = Object.values(doc.text.fr ?? {}).flatMap((t) => t.content.flatMap((c) => (c.type === 'footnote' ? c.content.map((x) => (x.type === 'text' ? x.text : '')) : [])));
  return [...documentLines(doc, 'fr'), ...m.organs, m.distribution, m.date, m.versionLanguage, m.original, ...notes].join('\n');
}

for (const mode of ['word', 'typed'] as const) {
  describe(`a letter and its annex, numbers ${mode === 'word' ? 'by Word numbering' : 'typed in the text'}`, async () => {
    const bytes = await buildLetterDocx(mode);
    const r = importBytes(bytes, { name: `letter-${mode}.docx` });
    const { doc } = r;
    const letter = doc.parts[0]!;
    const annex = letter.parts[0]!;

    it('is a valid document read as DOCX, with nothing unsure and no warning', () => {
      const v = parseDocument(doc);
      expect(v.ok ? [] : v.issues).toEqual([]);
      expect(r.format).toBe('docx');
      expect(r.report.unsure).toEqual([]);
      expect(r.report.warnings).toEqual([]);
    });

    it('reads the masthead, and the title and annex heading regenerate from the metadata', () => {
      expect(doc.meta).toMatchObject({ organs: ['SC'], issueDate: '2019-10-23', letterDate: '2019-10-08', originalLanguage: 'en', kind: 'debate-summary' });
      expect(letterTitle(doc, 'fr')).toBe(TITLE);
      expect(partHeadingText(doc, annex, 'fr')).toBe(ANNEX_HEADING);
      expect(Object.keys(doc.overrides)).toEqual([]);
      expect(partTitle(doc, annex, 'fr').text).toBe('Résumé du débat sur le thème « Opérations de maintien de la paix »');
    });

    it('has the letter: body, closing request, signature in two lines', () => {
      expect(letter.blocks.map((b) => b.kind)).toEqual(['paragraph', 'closing', 'signature']);
      expect(signatureText(doc, letter.blocks[2] as Extract<Block, { kind: 'signature' }>, 'fr')).toEqual([["Le Chargé d'affaires par intérim", '(Signé) Paul Duclos']]);
    });

    it('turns the numbering into structure: chapters, sections, paragraphs running on, subparagraphs', () => {
      expect(labels(doc, annex)).toEqual(['I.', '1.', '2.', 'a)', 'b)', 'II.', 'A.', '3.', 'B.', '4.', '5.']);
      expect(listBlocks(doc).filter((x) => x.part === annex && x.block.kind === 'bullet')).toHaveLength(2);
      expect(r.report).toMatchObject({ numberedParagraphs: 5, headings: 4, annexes: 1 });
    });

    it('keeps italic, bold and the footnote where they were', () => {
      const paras = listBlocks(doc).filter((x) => x.part === annex && x.block.kind === 'paragraph').map((x) => doc.text.fr![x.block.id]!.content);
      expect(paras[0]).toContainEqual({ type: 'text', text: '(S/PV.8570)', marks: ['italic'] });
      expect(paras[0]!.at(-1)).toMatchObject({ type: 'footnote', content: [{ type: 'text', text: 'Voir le procès-verbal de la séance.' }] });
      expect(paras[3]).toContainEqual({ type: 'text', text: 'important', marks: ['bold'] });
    });

    it('keeps the table, its header row and its cells', () => {
      const table = annex.blocks.find((b) => b.kind === 'table');
      if (!table || table.kind !== 'table') throw new Error('no table');
      expect(table.headerRows).toBe(1);
      expect(table.rows.map((row) => row.cells.map((c) => c.blocks.map((b) => (doc.text.fr![b.id]!.content[0] as { text: string }).text).join('')))).toEqual([
        ['Date', 'Intervenant'],
        ['10 juillet', 'Jean-Pierre Lacroix'],
      ]);
    });

    it('loses no word', () => {
      const have = bag(everything(doc));
      const lost = [...bag(WORDS)].filter(([w, n]) => (have.get(w) ?? 0) < n).map(([w]) => w);
      expect(lost).toEqual([]);
    });
  });
}

describe('Word numbering as Word computes it', () => {
  it('labels automatic numbers from numbering.xml: formats, running on, restarts by startOverride', async () => {
    const doc = new Document({
      numbering: {
        config: [
          {
            reference: 'n',
            levels: [
              { level: 0, format: LevelFormat.DECIMAL, text: '%1.', alignment: AlignmentType.START },
              { level: 1, format: LevelFormat.LOWER_LETTER, text: '(%2)', alignment: AlignmentType.START },
              { level: 2, format: LevelFormat.LOWER_ROMAN, text: '(%3)', alignment: AlignmentType.START },
            ],
          },
        ],
      },
      sections: [
        {
          children: [
            new Paragraph({ text: 'one', numbering: { reference: 'n', level: 0 } }),
            new Paragraph({ text: 'one a', numbering: { reference: 'n', level: 1 } }),
            new Paragraph({ text: 'one a i', numbering: { reference: 'n', level: 2 } }),
            new Paragraph({ text: 'one a ii', numbering: { reference: 'n', level: 2 } }),
            new Paragraph({ text: 'one b', numbering: { reference: 'n', level: 1 } }),
            new Paragraph({ text: 'two', numbering: { reference: 'n', level: 0 } }),
            new Paragraph({ text: 'two a', numbering: { reference: 'n', level: 1 } }),
            new Paragraph({ text: 'restart', numbering: { reference: 'n', level: 0, instance: 2 } }),
          ],
        },
      ],
    });
    const read = readDocx(new Uint8Array(await Packer.toBuffer(doc)), 'n.docx');
    const got = read.blocks.map((b) => (b.type === 'para' ? `${b.numbering?.label} ${b.numbering?.format}` : 'table'));
    expect(got).toEqual(['1. decimal', '(a) lowerLetter', '(i) lowerRoman', '(ii) lowerRoman', '(b) lowerLetter', '2. decimal', '(a) lowerLetter', '1. decimal']);
  });

  it('reports typed numbers that the document renumbers', async () => {
    const doc = new Document({
      sections: [{ children: ['Rapport', '1.\tPremier.', '2.\tDeuxième.', '5.\tTroisième.'].map((t) => new Paragraph({ children: [new TextRun({ text: t, bold: t === 'Rapport' })] })) }],
    });
    const r = importBytes(new Uint8Array(await Packer.toBuffer(doc)), { name: 'typed.docx' });
    expect(labels(r.doc, r.doc.parts[0]!)).toEqual(['1.', '2.', '3.']);
    expect(r.report.unsure.map((u) => u.reason)).toContain('numbered 5 in the source, numbered 3 now');
  });
});
