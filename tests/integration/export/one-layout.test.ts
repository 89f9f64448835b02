/**
 * One layout for every renderer: the page geometry, table column widths, signature blocks,
 * headings, title, furniture words and warnings are the layout's, and the DOCX export and the
 * print view only translate them (the screen's side is in tests/unit/page-geometry.test.ts and
 * tests/e2e/shell.spec.ts). Each test reads what a renderer wrote and compares it with the layout.
 */
import { describe, expect, it } from 'vitest';
import { strFromU8, unzipSync } from 'fflate';
import type { Block, RDocument } from '../../../src/core/model/schema';
import { columnWidth, pageGeometry } from '../../../src/core/render/geometry';
import { layoutDocument, type LayoutBlock } from '../../../src/core/render/layout';
import { defaultExportOptions, EXPORT_PROFILES, PAPERS, type ExportOptions } from '../../../src/core/render/options';
import { spansText } from '../../../src/core/render/spans';
import { signatureLineSpans } from '../../../src/core/render/traverse';
import { exportDocx } from '../../../src/services/export/docx';
import { renderHtml } from '../../../src/services/export/html';
import { seed000, seed004 } from '../../fixtures/seeds';
import { png } from './print-helpers';

const documentXml = async (doc: RDocument, options: ExportOptions) => strFromU8(unzipSync((await exportDocx(doc, options)).bytes)['word/document.xml']!);

describe('page geometry: one definition in points, translated by each renderer', () => {
  it.each(EXPORT_PROFILES.flatMap((profile) => PAPERS.map((paper) => ({ profile, paper }))))('$profile on $paper: the DOCX page and the print view’s @page are the layout’s', async ({ profile, paper }) => {
    const doc = seed004().doc;
    const options = { ...defaultExportOptions('fr', profile), paper };
    const g = layoutDocument(doc, 'fr', options).page;
    expect(g).toEqual(pageGeometry(profile, paper));
    const xml = await documentXml(doc, options);
    const twips = (pt: number) => String(Math.round(pt * 20));
    expect(xml).toContain(`<w:pgSz w:w="${twips(g.page.width)}" w:h="${twips(g.page.height)}"`);
    const margins = /<w:pgMar ([^/]*)\/>/.exec(xml)![1]!;
    for (const [k, v] of [['top', g.margin.top], ['right', g.margin.right], ['bottom', g.margin.bottom], ['left', g.margin.left], ['header', g.margin.header], ['footer', g.margin.footer]] as const) {
      expect(margins).toContain(`w:${k}="${twips(v)}"`);
    }
    const { html } = renderHtml(doc, options);
    expect(html).toContain(`@page { size: ${paper === 'a4' ? 'A4' : 'letter'}; margin: ${g.margin.top}pt ${g.margin.right}pt ${g.margin.bottom}pt ${g.margin.left}pt;`);
    expect(html).toContain(`body { font-family: "${g.font.family}"`);
    expect(html).toContain(`font-size: ${g.style.body.size}pt`);
  });

  it('the manuscript’s heading numbers stand at the margin in both outputs (the heading text one hang in)', () => {
    const g = pageGeometry('manuscript', 'letter');
    expect(g.headingLeft - g.bodyLeft).toBe(g.headingHang);
    expect(renderHtml(seed000().doc, defaultExportOptions('fr', 'manuscript')).html).toContain(`.h-chapter, .h-section, .h-subsection { padding-left: ${g.headingHang}pt; }`);
  });
});

describe('table columns: sized once in the layout', () => {
  const doc = seed000().doc;
  const table = (options: ExportOptions) =>
    layoutDocument(doc, 'fr', options)
      .parts.flatMap((p) => p.blocks)
      .find((b): b is Extract<LayoutBlock, { type: 'table' }> => b.type === 'table')!;

  it.each(PAPERS)('on %s paper: the DOCX grid and the print view’s columns are the layout’s widths', async (paper) => {
    const options = { ...defaultExportOptions('fr'), paper };
    const t = table(options);
    const width = columnWidth(pageGeometry('issued', paper));
    expect(t.columns.reduce((a, w) => a + w, 0)).toBeCloseTo(width, 6);
    // The meetings table is the document's last (the masthead is its first).
    const grids = [...(await documentXml(doc, options)).matchAll(/<w:tblGrid>([\s\S]*?)<\/w:tblGrid>/g)].map((g) => [...g[1]!.matchAll(/<w:gridCol w:w="(\d+)"\/>/g)].map((m) => Number(m[1])));
    const grid = grids[grids.length - 1]!;
    expect(grid).toHaveLength(t.columns.length);
    expect(grid.slice(0, -1)).toEqual(t.columns.slice(0, -1).map((w) => Math.floor(w * 20)));
    expect(grid.reduce((a, w) => a + w, 0)).toBe(Math.round(width * 20));
    const cols = [...renderHtml(doc, options).html.matchAll(/<col style="width: ([\d.]+)%">/g)].map((m) => Number(m[1]));
    expect(cols).toEqual(t.columns.map((w) => Math.floor((w / width) * 10000) / 100));
  });

  it('the manuscript’s larger type gives its columns other widths than the issued layout’s', () => {
    expect(table(defaultExportOptions('fr', 'manuscript')).columns).not.toEqual(table(defaultExportOptions('fr', 'issued')).columns);
  });
});

describe('signature blocks: structure, not text', () => {
  const doc = seed004().doc;
  const signature = (options: ExportOptions) =>
    layoutDocument(doc, 'fr', options)
      .parts.flatMap((p) => p.blocks)
      .find((b): b is Extract<LayoutBlock, { type: 'signature' }> => b.type === 'signature')!;

  it('French: the title lines, then the signed name with its marker apart, for the person who signs', () => {
    const [s] = signature(defaultExportOptions('fr')).signatories;
    expect(s!.person).toBe('duclos');
    expect(s!.lines.map((l) => l.kind)).toEqual(['title', 'name']);
    expect(s!.lines.map((l) => spansText(signatureLineSpans(l)))).toEqual(['Le Chargé d’affaires par intérim', '(Signé) Paul Duclos']);
  });

  it('an override is read into the same structure; the renderers print its marker and name', async () => {
    const overridden: RDocument = structuredClone(doc);
    const block = overridden.parts[0]!.blocks.find((b): b is Extract<Block, { kind: 'signature' }> => b.kind === 'signature')!;
    overridden.overrides[`signature:${block.id}`] = { fr: 'Pour le Représentant permanent\n(Signé) Anne Martin\nConseillère' };
    const lines = layoutDocument(overridden, 'fr').parts[0]!.blocks.find((b) => b.type === 'signature');
    if (lines?.type !== 'signature') throw new Error('no signature');
    expect(lines.signatories[0]!.lines).toEqual([
      { kind: 'title', spans: [{ text: 'Pour le Représentant permanent' }] },
      { kind: 'name', signed: { text: '(Signé)', italic: true }, name: [{ text: 'Anne Martin' }] },
      { kind: 'title', spans: [{ text: 'Conseillère' }] },
    ]);
    expect(renderHtml(overridden, defaultExportOptions('fr')).html).toContain('<div><i>(Signé)</i> Anne Martin</div>');
    // On the letterhead of a finalised revision the name line has no marker, and the image goes above it.
    const options: ExportOptions = { ...defaultExportOptions('fr', 'letterhead'), finalised: true, signatures: { duclos: png(40, 20) } };
    const html = renderHtml(overridden, options).html;
    expect(html).toMatch(/<img class="signature-image" alt="Anne Martin" src="data:image\/png;base64,[^"]+"><div class="signatory-name">Anne Martin<\/div>/);
    expect(html).not.toContain('(Signé)');
    const xml = await documentXml(overridden, options);
    expect(xml).not.toContain('(Signé)');
    expect(xml).toContain('Anne Martin');
  });
});

describe('headings, titles and furniture words come typeset from the layout', () => {
  // An annex to a letter dated the first of a month: « 1er » in its heading is raised everywhere.
  const doc: RDocument = structuredClone(seed004().doc);
  doc.meta.letterDate = '2019-10-01';

  it('the annex heading’s « 1er » is superscript in the layout, the DOCX and the print view', async () => {
    const annex = layoutDocument(doc, 'fr').parts.find((p) => p.kind === 'annex')!;
    expect(annex.heading!.find((s) => s.superscript)?.text).toBe('er');
    const xml = await documentXml(doc, defaultExportOptions('fr'));
    const heading = /<w:p>(?:(?!<\/w:p>)[\s\S])*?<w:pStyle w:val="AnnexHeading"\/>[\s\S]*?<\/w:p>/.exec(xml)![0];
    expect(heading).toMatch(/<w:vertAlign w:val="superscript"\/><\/w:rPr><w:t xml:space="preserve">er<\/w:t>/);
    expect(renderHtml(doc, defaultExportOptions('fr')).html).toMatch(/<h2 class="part-heading">Annexe à la lettre datée du 1<sup>er<\/sup> octobre 2019/);
  });

  it('an annex’s own title under "Annex to the letter dated …" is a subtitle in both outputs', async () => {
    const annex = layoutDocument(doc, 'fr').parts.find((p) => p.kind === 'annex')!;
    expect(annex.titleStyle).toBe('subtitle');
    const xml = await documentXml(doc, defaultExportOptions('fr'));
    expect(xml).toMatch(/<w:pStyle w:val="UNSubtitle"\/>[\s\S]*?Résumé du débat/);
    expect(renderHtml(doc, defaultExportOptions('fr')).html).toMatch(/<h1 class="doc-title subtitle">Résumé du débat/);
  });

  it('the job line, date stamp, barcode, recycling words and watermark are the layout’s', async () => {
    const withJob: RDocument = { ...structuredClone(doc), meta: { ...doc.meta, jobNumber: '19-17123' } };
    const options: ExportOptions = { ...defaultExportOptions('fr'), watermark: true };
    const f = layoutDocument(withJob, 'fr', options).furniture;
    expect(f).toEqual({
      header: ['S/2019/836'],
      job: { number: '19-17123', line: '19-17123 (F)', dateStamp: '231019', barcode: '*1917123*', recycle: 'Merci de recycler' },
      watermark: 'PROJET',
    });
    const { html } = renderHtml(withJob, options);
    expect(html).toContain('content: "19-17123 (F)    231019\\A "');
    expect(html).toContain('<div class="watermark" aria-hidden="true">PROJET</div>');
    const zip = unzipSync((await exportDocx(withJob, options)).bytes);
    const footers = Object.entries(zip).filter(([n]) => /^word\/footer\d+\.xml$/.test(n)).map(([, b]) => strFromU8(b)).join('');
    expect(footers).toContain('19-17123 (F)\u2003\u2003231019');
    expect(footers).toContain('Merci de recycler');
    expect(layoutDocument(withJob, 'fr', { ...options, finalised: true }).furniture.watermark).toBeUndefined();
  });

  it('the document title: its symbol, else its first part’s title', () => {
    expect(layoutDocument(doc, 'fr').title).toBe('S/2019/836');
    const untitled: RDocument = { ...structuredClone(doc), meta: { ...doc.meta, symbols: [] } };
    expect(layoutDocument(untitled, 'fr').title).toMatch(/^Lettre datée du 1er octobre 2019/);
    // The letterhead profile leaves the letter's generated title out of the page, not out of the file's properties.
    expect(layoutDocument(untitled, 'fr', { profile: 'letterhead' }).title).toMatch(/^Lettre datée du 1er octobre 2019/);
  });
});

describe('warnings: what the layout finds, every renderer reports', () => {
  it('both outputs start with the layout’s warnings (a missing symbol and date: the print view says so too)', async () => {
    const doc: RDocument = structuredClone(seed004().doc);
    doc.meta.symbols = [];
    delete doc.meta.issueDate;
    const options = defaultExportOptions('fr');
    const expected = layoutDocument(doc, 'fr', options).warnings;
    expect(expected.map((w) => w.code)).toEqual(['missing-symbol', 'missing-date']);
    expect((await exportDocx(doc, options)).warnings.slice(0, 2)).toEqual(expected);
    expect(renderHtml(doc, options).warnings.slice(0, 2)).toEqual(expected);
  });

  it('placeholders and broken cross-references inside footnotes are counted too', () => {
    const doc: RDocument = structuredClone(seed004().doc);
    const para = doc.parts[0]!.blocks[0]!;
    const text = doc.text.fr![para.id]!;
    text.content = [...text.content, { type: 'footnote', id: 'fnx', content: [{ type: 'text', text: '[source]', placeholder: true }, { type: 'xref', target: 'gone', form: 'number' }] }];
    const codes = layoutDocument(doc, 'fr').warnings.map((w) => w.message);
    expect(codes).toContain('1 template placeholder still in the text.');
    expect(codes).toContain('1 cross-reference pointing to nothing.');
  });
});
