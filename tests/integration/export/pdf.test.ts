/**
 * PDF through the system Chromium: the HTML print view paginated by Chromium, read back page by
 * page with poppler (`pdftotext -layout`, `pdfimages`, `pdfinfo`). One browser for the file.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderHtml } from '../../../src/services/export/html';
import { ChromiumNotFoundError, findChromium, htmlToPdf, openPdfRenderer, type PdfRenderer } from '../../../src/services/export/pdf';
import { defaultExportOptions, type ExportOptions } from '../../../src/core/render/options';
import { createFromTemplate } from '../../../src/core/templates';
import { sequentialIds } from '../../../src/core/model/builder';
import type { RDocument } from '../../../src/core/model/schema';
import { seed000, seed004 } from '../../fixtures/seeds';
import { png } from './print-helpers';

let renderer: PdfRenderer;
let dir: string;

beforeAll(async () => {
  renderer = await openPdfRenderer();
  dir = mkdtempSync(join(tmpdir(), 'rapporteur-pdf-'));
});

afterAll(async () => {
  await renderer?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

type Pdf = { path: string; pages: string[]; count: number };

async function toPdf(name: string, doc: RDocument, options: ExportOptions): Promise<Pdf> {
  const { html } = renderHtml(doc, options);
  const bytes = await renderer.render(html, options);
  const path = join(dir, `${name}.pdf`);
  writeFileSync(path, bytes);
  const count = Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [path], { encoding: 'utf8' }))![1]);
  const pages = Array.from({ length: count }, (_, i) =>
    execFileSync('pdftotext', ['-enc', 'UTF-8', '-layout', '-f', String(i + 1), '-l', String(i + 1), path, '-'], { encoding: 'utf8' }).replace(/[\u00a0\u202f]/g, ' '),
  );
  return { path, pages, count };
}

const lines = (page: string) => page.split('\n').filter((l) => l.trim() !== '');

/** Large words on a page (the rotated watermark's letters), left to right. */
function bigWords(path: string, page: number): string {
  const xml = execFileSync('pdftotext', ['-enc', 'UTF-8', '-bbox', '-f', String(page), '-l', String(page), path, '-'], { encoding: 'utf8' });
  const words = [...xml.matchAll(/<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="[\d.]+" yMax="([\d.]+)">([^<]*)<\/word>/g)]
    .filter((m) => Number(m[3]) - Number(m[2]) > 40)
    .sort((a, b) => Number(a[1]) - Number(b[1]));
  return words.map((m) => m[4]).join('');
}

type Word = { x: number; y: number; text: string };

/** Every word of every page with its position (points from the top left), in reading order. */
function words(path: string): Word[][] {
  const xml = execFileSync('pdftotext', ['-enc', 'UTF-8', '-bbox', path, '-'], { encoding: 'utf8' });
  return xml.split('<page ').slice(1).map((page) =>
    [...page.matchAll(/<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="[\d.]+" yMax="[\d.]+">([^<]*)<\/word>/g)].map((m) => ({ x: Number(m[1]), y: Number(m[2]), text: m[3]! })),
  );
}

const near = (a: number, b: number, tolerance = 1) => Math.abs(a - b) <= tolerance;

/**
 * Labels found where the issued layout puts them, with their geometry checked: chapter and
 * section numbers hang 32 pt left of the text column (x = 91) with the heading text at the column
 * (x = 123); paragraph numbers stand at the column with the text one tab (24 pt) later;
 * subparagraph labels stand one tab in, their text a tab further.
 */
function placedLabels(pages: Word[][]): { kind: string; label: string }[] {
  const out: { kind: string; label: string }[] = [];
  for (const ws of pages) {
    for (const w of ws) {
      const line = ws.filter((o) => near(o.y, w.y, 2) && o !== w);
      if (line.some((o) => o.x < w.x)) continue;
      const next = line.sort((a, b) => a.x - b.x)[0];
      if (!next) continue;
      if (/^(I|II|III|IV|V)\.$/.test(w.text) && near(w.x, 91) && near(next.x, 123)) out.push({ kind: 'chapter', label: w.text });
      else if (/^[A-H]\.$/.test(w.text) && near(w.x, 91) && near(next.x, 123)) out.push({ kind: 'section', label: w.text });
      else if (/^\d{1,3}\.$/.test(w.text) && near(w.x, 123) && near(next.x, 147)) out.push({ kind: 'paragraph', label: w.text });
      else if (/^[a-h]\)$/.test(w.text) && near(w.x, 147) && near(next.x, 171)) out.push({ kind: 'subparagraph', label: w.text });
    }
  }
  return out;
}

/** Paragraph numbers at the start of a line (for documents whose geometry is checked elsewhere). */
function paragraphNumbers(text: string): string[] {
  return [...text.matchAll(/^\s*(\d{1,3}\.)\s+\S/gm)].map((m) => m[1]!);
}

describe('PDF of the issued layout (seed 000, French)', () => {
  let pdf: Pdf;
  const { doc, printed } = seed000();
  doc.meta.issueDate = '2017-02-22';
  doc.meta.jobNumber = '17-02619';
  // Two footnotes in the report, and the annex table five times as long, so it runs over pages.
  const fr = doc.text.fr!;
  fr['b7']!.content.push({ type: 'footnote', id: 'fn1', content: [{ type: 'text', text: 'Voir le document S/PRST/2001/3.' }] });
  fr['b8']!.content.push({ type: 'footnote', id: 'fn2', content: [{ type: 'text', text: 'Voir le document S/2017/2/Rev.1.' }] });
  const table = doc.parts[1]!.parts[0]!.blocks[0]!;
  if (table.kind !== 'table') throw new Error('seed 000 annex: expected a table');
  const body = table.rows.slice(1);
  for (let i = 0; i < 4; i++) table.rows.push(...body);

  beforeAll(async () => {
    pdf = await toPdf('seed000-fr', doc, defaultExportOptions('fr', 'issued'));
  });

  it('is US Letter and runs to several pages', () => {
    expect(execFileSync('pdfinfo', [pdf.path], { encoding: 'utf8' })).toMatch(/Page size:\s+612 x 792 pts \(letter\)/);
    expect(pdf.count).toBeGreaterThanOrEqual(8);
  });

  it('page 1: masthead lines, title, footer with job number, date stamp and "Merci de recycler"; no running header, no page number', () => {
    const p1 = lines(pdf.pages[0]!);
    expect(p1[0]).toMatch(/^\s*Nations Unies\s+S\s?\/2017\/138\s*$/);
    expect(p1[1]).toMatch(/^\s*Conseil de sécurité\s+Distr\. générale\s*$/);
    expect(p1[2]).toMatch(/^\s*22 février 2017\s*$/);
    expect(p1[3]).toMatch(/^\s*Original : français\s*$/);
    expect(pdf.pages[0]).toContain('Lettre datée du 13 février 2017, adressée au Président du');
    expect(p1.at(-2)).toMatch(/^17-02619 \(F\)\s+220217\s*$/);
    expect(p1.at(-1)).toMatch(/^\s+Merci de recycler\s*$/);
    expect(pdf.pages[0]).not.toMatch(new RegExp(`\\b1/${pdf.count}\\b`));
    expect(pdf.pages[0]).not.toMatch(/^\s*\d+\/\d+\s*$/m);
  });

  it('later pages: the symbol at the outer edge on top, "n/N" at the outer edge and the job number at the inner edge below', () => {
    const n = pdf.count;
    for (let i = 2; i <= n; i++) {
      const ls = lines(pdf.pages[i - 1]!);
      const even = i % 2 === 0;
      // Even (left-hand) pages: furniture on the left; odd pages: on the right.
      expect(ls[0], `page ${i} header`).toMatch(even ? /^S\/2017\/138\s*$/ : /^\s{40,}S\/2017\/138\s*$/);
      expect(ls.at(-1), `page ${i} footer`).toMatch(even ? new RegExp(`^${i}/${n}\\s{20,}17-02619\\s*$`) : new RegExp(`^17-02619\\s{20,}${i}/${n}\\s*$`));
    }
    expect(lines(pdf.pages[1]!).at(-1)).toMatch(new RegExp(`^2/${n}\\s`));
  });

  it('prints every label in the order the issued document printed them; the annex starts on a page of its own', () => {
    expect(placedLabels(words(pdf.path))).toEqual(printed);
    const annexPage = pdf.pages.findIndex((p) => /^\s*Annexe\s*$/m.test(p));
    expect(annexPage).toBeGreaterThan(1);
    const ls = lines(pdf.pages[annexPage]!);
    expect(ls[1]).toMatch(/^\s*Annexe\s*$/);
    expect(ls[2]).toMatch(/^\s*Réunions du Groupe de travail en 2016\s*$/);
    expect(pdf.pages[annexPage - 1]).not.toContain('28 avril');
  });

  it('footnotes: numbered references in the text, the notes after a rule at the end of the report', () => {
    const all = pdf.pages.join('\n');
    // French puts the indicator before the punctuation (Editorial Manual), whatever side it was typed on.
    expect(all).toMatch(/\(S\/PRST\/2001\/3\)1\./);
    const end = pdf.pages.findIndex((p) => /^\s*110\.\s/m.test(p));
    const page = pdf.pages[end]!;
    expect(page.indexOf('Voir le document S/PRST/2001/3.')).toBeGreaterThan(page.indexOf('110.'));
    expect(page).toMatch(/^\s*1\s+Voir le document S\/PRST\/2001\/3\.\s*\n(\s*\n)*\s*2\s+Voir le document S\/2017\/2\/Rev\.1\.\s*$/m);
  });

  it('a table running over several pages repeats its header row at the top of each', () => {
    const annexPage = pdf.pages.findIndex((p) => /^\s*Annexe\s*$/m.test(p));
    const tablePages = pdf.pages.slice(annexPage);
    expect(tablePages.length).toBeGreaterThanOrEqual(3);
    for (const [i, p] of tablePages.entries()) {
      const ls = lines(p);
      // Header line, then (first page only) "Annexe" and the title, then the column heads.
      expect(ls[i === 0 ? 3 : 1], `annex page ${i + 1}`).toMatch(/^\s*Date\s+Intervenants\s+Thème\s*$/);
    }
  });

  it('has no watermark by default in the issued layout', () => {
    for (let i = 1; i <= pdf.count; i++) expect(bigWords(pdf.path, i)).toBe('');
  });
});

describe('PDF of the issued layout (seed 000, English version) and of a template', () => {
  it('English masthead; "(Signed)" before the name', async () => {
    const { doc } = seed000();
    doc.meta.issueDate = '2017-02-22';
    const pdf = await toPdf('seed000-en', doc, defaultExportOptions('en', 'issued'));
    const p1 = lines(pdf.pages[0]!);
    expect(p1[0]).toMatch(/^\s*United Nations\s+S\s?\/2017\/138\s*$/);
    expect(p1[1]).toMatch(/^\s*Security Council\s+Distr\.: General\s*$/);
    expect(p1[2]).toMatch(/^\s*22 February 2017\s*$/);
    expect(p1[3]).toMatch(/^\s*English\s*$/);
    expect(p1[4]).toMatch(/^\s*Original: French\s*$/);
    expect(pdf.pages[0]).toMatch(/\(Signed\) Fodé Seck\s*\n\s*Permanent Representative/);
    // No job number: page 1 has no footer.
    expect(pdf.pages[0]).not.toContain('recycle');
    expect(lines(pdf.pages[1]!).at(-1)).toMatch(new RegExp(`^2/${pdf.count}\\s*$`));
  });

  it('seminar report template: each annex on a new page, paragraph numbering restarts in each annex', async () => {
    const doc = createFromTemplate('seminar-report', 'fr', sequentialIds());
    doc.meta.symbols = ['S/2024/55'];
    const pdf = await toPdf('seminar-fr', doc, defaultExportOptions('fr', 'issued'));
    const start = (re: RegExp) => pdf.pages.findIndex((p) => re.test(lines(p)[1] ?? ''));
    const annex1 = start(/^\s*Annexe I à la lettre datée/);
    const annex2 = start(/^\s*Annexe II à la lettre datée/);
    expect(annex1).toBeGreaterThan(0);
    expect(annex2).toBeGreaterThan(annex1);
    const numbered = (from: number, to: number) => paragraphNumbers(pdf.pages.slice(from, to).join('\n'));
    expect(numbered(annex1, annex2)[0]).toBe('1.');
    expect(numbered(annex2, pdf.count)).toEqual(['1.', '2.']);
    for (const i of [annex1, annex2]) expect(lines(pdf.pages[i]!)[0]).toMatch(/S\/2024\/55/);
  });
});

describe('PDF of the mission letterhead (seed 004)', () => {
  const lh: ExportOptions['letterhead'] = {
    logo: png(120, 60, [190, 30, 30]),
    lines: ['Mission permanente du Pérou auprès de l’Organisation des Nations Unies', '820 Second Avenue, New York'],
    reference: 'N° 7-1-SG/045',
    place: 'New York',
  };
  const signatures = { duclos: png(160, 48, [20, 20, 120]) };
  const images = (path: string, page: number) =>
    execFileSync('pdfimages', ['-list', '-f', String(page), '-l', String(page), path], { encoding: 'utf8' })
      .split('\n')
      .slice(2)
      .filter((l) => /^\s*\d+\s+\d+\s+image/.test(l)).length;

  it('finalised: letterhead, reference and date, the signature image above the name, no watermark, no masthead', async () => {
    const pdf = await toPdf('lh-final', seed004().doc, { ...defaultExportOptions('fr', 'letterhead'), letterhead: lh, signatures, finalised: true });
    const p1 = lines(pdf.pages[0]!);
    expect(p1[0]).toMatch(/^\s+Mission permanente du Pérou auprès de l’Organisation des Nations Unies\s*$/);
    expect(p1[1]).toMatch(/^\s+820 Second Avenue, New York\s*$/);
    expect(p1[2]).toMatch(/^\s*N° 7-1-SG\/045\s+New York, le 8 octobre 2019\s*$/);
    expect(pdf.pages[0]).not.toContain('Distr.');
    expect(pdf.pages[0]).not.toContain('Lettre datée');
    expect(pdf.pages[0]).not.toContain('(Signé)');
    expect(pdf.pages[0]).toMatch(/Le Chargé d’affaires par intérim\s*\n(\s*\n)*\s*Paul Duclos/);
    expect(images(pdf.path, 1)).toBe(2);
    expect(bigWords(pdf.path, 1)).toBe('');
    expect(pdf.pages[1]).toMatch(/Annexe à la lettre datée du 8 octobre 2019/);
    // A plain page number from page 2 on, none on page 1.
    expect(pdf.pages[0]).not.toMatch(/^\s*\d+\s*$/m);
    expect(lines(pdf.pages[1]!).at(-1)).toMatch(/^\s+2\s*$/);
  });

  it('draft: « PROJET » across every page, no signature image', async () => {
    const pdf = await toPdf('lh-draft', seed004().doc, { ...defaultExportOptions('fr', 'letterhead'), letterhead: lh, signatures });
    expect(pdf.count).toBeGreaterThanOrEqual(2);
    for (let i = 1; i <= pdf.count; i++) expect(bigWords(pdf.path, i), `page ${i}`).toBe('PROJET');
    expect(images(pdf.path, 1)).toBe(1);
  });
});

describe('PDF on A4, manuscript profile', () => {
  it('A4 page size; no masthead; no page number on page 1', async () => {
    const doc = createFromTemplate('presidential-statement', 'en', sequentialIds());
    const pdf = await toPdf('prst-a4', doc, { ...defaultExportOptions('en', 'manuscript'), paper: 'a4', watermark: true });
    expect(execFileSync('pdfinfo', [pdf.path], { encoding: 'utf8' })).toMatch(/Page size:\s+59[45]\.\d+ x 841\.\d+ pts \(A4\)/);
    const ls = lines(pdf.pages[0]!);
    expect(ls[0]).toMatch(/^\s*Statement by the President of the Security Council\s*$/);
    expect(pdf.pages[0]).toContain('[The Council …]”');
    expect(pdf.pages[0]).not.toMatch(/^\s*\d+\s*$/m);
    expect(pdf.pages[0]).not.toContain('United Nations');
    expect(bigWords(pdf.path, 1)).toBe('DRAFT');
  });
});

describe('PDF: no network, and a clear error without Chromium', () => {
  let server: Server;
  let hits = 0;
  beforeAll(async () => {
    server = createServer((_req, res) => {
      hits++;
      res.end('x');
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it('fetches nothing: an image or style sheet on the network is never requested', async () => {
    const port = (server.address() as { port: number }).port;
    const html = `<!DOCTYPE html><html><head><link rel="stylesheet" href="http://127.0.0.1:${port}/s.css"><style>body{background:url(http://127.0.0.1:${port}/bg.png)}</style></head><body><p>Texte</p><img src="http://127.0.0.1:${port}/i.png"></body></html>`;
    const bytes = await renderer.render(html, { paper: 'letter' });
    expect(Buffer.from(bytes.subarray(0, 5)).toString('latin1')).toBe('%PDF-');
    expect(hits).toBe(0);
  });

  it('names the remedy when the given path is wrong, when RAPPORTEUR_CHROMIUM is wrong, and when none is installed', async () => {
    await expect(htmlToPdf('<p>x</p>', { paper: 'letter' }, { chromiumPath: '/nonexistent/chromium' })).rejects.toThrow(
      'no Chromium found at "/nonexistent/chromium": install chromium or set RAPPORTEUR_CHROMIUM',
    );
    await expect(htmlToPdf('<p>x</p>', { paper: 'letter' }, { chromiumPath: '/nonexistent/chromium' })).rejects.toBeInstanceOf(ChromiumNotFoundError);
    expect(() => findChromium(undefined, { RAPPORTEUR_CHROMIUM: '/nope/chrome', PATH: '' }, 'linux')).toThrow(
      'no Chromium found at RAPPORTEUR_CHROMIUM="/nope/chrome": install chromium or set RAPPORTEUR_CHROMIUM',
    );
    // A Windows machine with no browser in any usual place and nothing on PATH.
    expect(() => findChromium(undefined, { PATH: '', PROGRAMFILES: join(dir, 'none') }, 'win32')).toThrow('no Chromium found: install chromium or set RAPPORTEUR_CHROMIUM');
    // A directory is not a browser either.
    expect(() => findChromium(dir)).toThrow(ChromiumNotFoundError);
  });

  it('finds the system Chromium through RAPPORTEUR_CHROMIUM', () => {
    expect(findChromium(undefined, { RAPPORTEUR_CHROMIUM: renderer.executablePath, PATH: '' }, 'linux')).toBe(renderer.executablePath);
  });
});
