/**
 * The bilingual review DOCX (services/export/docx/bilingual) rendered by LibreOffice: seed 000
 * (the French report) with an English version, part of it translated and one row since changed
 * in French. Each paragraph's label is found on the PDF page, in the left and the right column:
 * same count, same line. Also: the issued exports of both versions hold the same labels, and the
 * CLI's `export --bilingual` writes the file or refuses with a one-line reason.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../../src/cli/main';
import { importText } from '../../../src/core/import';
import type { RDocument } from '../../../src/core/model/schema';
import { addLanguageVersion, confirmTranslation } from '../../../src/core/translation/versions';
import { translationRows } from '../../../src/core/translation/status';
import { numberDocument } from '../../../src/core/numbering/numbering';
import { strFromU8, unzipSync } from 'fflate';
import { exportBilingualDocx } from '../../../src/services/export/docx/bilingual';
import { exportDocx } from '../../../src/services/export/docx/index';
import { defaultExportOptions } from '../../../src/core/render/options';
import { readSeed } from '../../fixtures/seeds';
import { cleanup, renderDocx } from './libreoffice';

const run = promisify(execFile);
let dir = '';
let doc: RDocument;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'rapporteur-bilingual-'));
  const fr = importText(readSeed('000'), { lang: 'fr' }).doc;
  let both = addLanguageVersion(fr, 'fr', 'en', 'copy');
  const rows = translationRows(both, 'fr', 'en');
  both = confirmTranslation(both, rows.slice(0, 30).map((r) => r.id), 'fr', 'en');
  const changed = rows.find((r, i) => i < 30 && r.kind === 'paragraph')!.id;
  both.text.fr![changed] = { content: [...both.text.fr![changed]!.content, { type: 'text', text: ' Phrase ajoutée.' }] };
  doc = both;
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

type Word = { text: string; x: number; y: number; page: number };

/** Every word of a PDF with its position (pdftotext -bbox). */
async function words(pdf: string): Promise<{ words: Word[]; width: number }> {
  const { stdout } = await run('pdftotext', ['-enc', 'UTF-8', '-bbox', pdf, '-'], { maxBuffer: 64 * 1024 * 1024 });
  const out: Word[] = [];
  let page = 0;
  let width = 0;
  for (const line of stdout.split('\n')) {
    const p = /<page width="([\d.]+)"/.exec(line);
    if (p) {
      page++;
      width = Number(p[1]);
      continue;
    }
    const w = /<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="[\d.]+" yMax="[\d.]+">(.*)<\/word>/.exec(line);
    if (w) out.push({ text: w[3]!.replace(/&amp;/g, '&').replace(/&lt;/g, '<').replace(/&gt;/g, '>'), x: Number(w[1]), y: Number(w[2]), page });
  }
  return { words: out, width };
}

describe('bilingual DOCX', () => {
  it('renders in LibreOffice with the two columns aligned: each label on the same line on both sides', async () => {
    const r = await exportBilingualDocx(doc, 'fr', 'en', defaultExportOptions('en'));
    expect(r.warnings.map((w) => w.code)).toContain('translation-outdated');
    const { dir: out, rendered } = await renderDocx({ bilingual: r.bytes });
    try {
      const { words: all, width } = await words(rendered.bilingual!.pdf);
      const mid = width / 2;
      // A label starts a cell's line: within a few points of the column's left edge.
      const leftEdge = Math.min(...all.filter((w) => w.x < mid).map((w) => w.x));
      const rightEdge = Math.min(...all.filter((w) => w.x >= mid).map((w) => w.x));
      const labelsAt = (edge: number, re: RegExp) => all.filter((w) => Math.abs(w.x - edge) < 8 && re.test(w.text));
      /** The words that read `wanted` in order (a line of text can start with "2018." too). */
      const inOrder = (found: Word[], wanted: string[]) => {
        const out: Word[] = [];
        let i = 0;
        for (const w of wanted) {
          while (i < found.length && found[i]!.text !== w) i++;
          if (i < found.length) out.push(found[i++]!);
        }
        return out;
      };
      const n = numberDocument(doc, 'fr');
      const paragraphs = [...n.blocks.values()].filter((l) => /^\d+\.$/.test(l.label)).length;
      expect(paragraphs).toBe(110);
      const numbers = Array.from({ length: 110 }, (_, i) => `${i + 1}.`);
      const left = inOrder(labelsAt(leftEdge, /^\d+\.$/), numbers);
      const right = inOrder(labelsAt(rightEdge, /^\d+\.$/), numbers);
      expect(left.map((w) => w.text)).toEqual(numbers);
      expect(right.map((w) => w.text)).toEqual(left.map((w) => w.text));
      const off = left.filter((w, i) => right[i]!.page !== w.page || Math.abs(right[i]!.y - w.y) > 1).map((w) => w.text);
      expect(off, 'paragraphs whose label is not on the same line on both sides').toEqual([]);
      // Subparagraphs: "a)" in French, "(a)" in English, on the same lines.
      // (indented as in the issued document, so anywhere in their column).
      const subLeft = all.filter((w) => w.x < mid && /^[a-z]\)$/.test(w.text));
      const subRight = all.filter((w) => w.x >= mid && /^\([a-z]\)$/.test(w.text));
      expect(subLeft.length).toBeGreaterThan(10);
      expect(subRight.map((w) => w.text)).toEqual(subLeft.map((w) => `(${w.text}`));
      expect(subLeft.filter((w, i) => Math.abs(subRight[i]!.y - w.y) > 1 || subRight[i]!.page !== w.page)).toEqual([]);
      // The column heads, in the translation's language, repeated on each page.
      const text = rendered.bilingual!.pages.join('\n');
      expect(text).toContain('French (source)');
      expect(text).toContain('English (translation)');
    } finally {
      await cleanup(out);
    }
  }, 240_000);

  it('the issued exports of both versions hold the same paragraphs and labels, each in its form', async () => {
    const [fr, en] = await Promise.all([exportDocx(doc, defaultExportOptions('fr')), exportDocx(doc, defaultExportOptions('en'))]);
    const { dir: out, rendered } = await renderDocx({ fr: fr.bytes, en: en.bytes });
    try {
      const labels = (name: string, re: RegExp) => rendered[name]!.pages.join('\n').split('\n').map((l) => l.trim().split(/\s+/)[0] ?? '').filter((w) => re.test(w));
      expect(labels('en', /^\d+\.$/)).toEqual(labels('fr', /^\d+\.$/));
      expect(labels('fr', /^\d+\.$/)).toHaveLength(110);
      expect(labels('en', /^\([a-z]\)$/)).toEqual(labels('fr', /^[a-z]\)$/).map((l) => `(${l}`));
    } finally {
      await cleanup(out);
    }
  }, 240_000);

  it('each footnote keeps its marks (italic here), written in its own column’s language', async () => {
    const fr = importText(readSeed('000'), { lang: 'fr' }).doc;
    const both = addLanguageVersion(fr, 'fr', 'en', 'copy');
    const p1 = translationRows(both, 'fr', 'en').find((r) => r.kind === 'paragraph')!.id;
    const note = (lang: 'fr' | 'en', words: string) => ({ type: 'footnote' as const, id: `n-${lang}`, content: [{ type: 'text' as const, text: 'Voir ' }, { type: 'text' as const, text: words, marks: ['italic' as const] }] });
    both.text.fr![p1] = { content: [...both.text.fr![p1]!.content, note('fr', 'Journal officiel')] };
    both.text.en![p1] = { content: [...both.text.en![p1]!.content, note('en', 'Official Records')] };
    const r = await exportBilingualDocx(both, 'fr', 'en', { ...defaultExportOptions('en', 'issued'), paper: 'letter' });
    const notes = strFromU8(unzipSync(r.bytes)['word/footnotes.xml']!);
    for (const words of ['Journal officiel', 'Official Records']) expect(notes).toMatch(new RegExp(`<w:r><w:rPr>(?:(?!</w:rPr>).)*<w:i/>(?:(?!</w:rPr>).)*</w:rPr><w:t[^>]*>${words}</w:t>`));
  });

  it('each column numbers its own footnotes (1, 2 on the left, 1, 2 on the right), in the text and at the foot of the page, in LibreOffice', async () => {
    const fr = importText(readSeed('000'), { lang: 'fr' }).doc;
    const both = addLanguageVersion(fr, 'fr', 'en', 'copy');
    const [p1, p2] = translationRows(both, 'fr', 'en').filter((r) => r.kind === 'paragraph').map((r) => r.id);
    const note = (id: string, text: string) => ({ type: 'footnote' as const, id, content: [{ type: 'text' as const, text }] });
    for (const [lang, words] of [['fr', ['Notefrun', 'Notefrdeux']], ['en', ['Noteenone', 'Noteentwo']]] as const) {
      both.text[lang]![p1!] = { content: [...both.text[lang]![p1!]!.content, note(`a-${lang}`, words[0])] };
      both.text[lang]![p2!] = { content: [...both.text[lang]![p2!]!.content, note(`b-${lang}`, words[1])] };
    }
    const r = await exportBilingualDocx(both, 'fr', 'en', { ...defaultExportOptions('en', 'issued'), paper: 'letter' });
    const files = unzipSync(r.bytes);
    const body = strFromU8(files['word/document.xml']!);
    expect([...body.matchAll(/<w:footnoteReference w:customMarkFollows="1" w:id="\d+"\/><w:t[^>]*>(\d+)<\/w:t>/g)].map((m) => m[1])).toEqual(['1', '1', '2', '2']);
    expect(body).not.toMatch(/<w:footnoteReference w:id=/);
    const { dir: out, rendered } = await renderDocx({ bilingual: r.bytes });
    try {
      const { words: all } = await words(rendered.bilingual!.pdf);
      // At the foot of the page, each note starts with its column's mark (what stands just before its words).
      const markOf = (note: string) => {
        const w = all.find((x) => x.text === note);
        expect(w, note).toBeDefined();
        return all.filter((x) => x.page === w!.page && Math.abs(x.y - w!.y) < 3 && x.x < w!.x).sort((a, b) => b.x - a.x)[0]?.text;
      };
      expect(['Notefrun', 'Noteenone', 'Notefrdeux', 'Noteentwo'].map(markOf)).toEqual(['1', '1', '2', '2']);
    } finally {
      await cleanup(out);
    }
  }, 240_000);

  it('`export --bilingual` in the CLI: writes the file; a document in one language gets a one-line reason', async () => {
    const both = join(dir, 'both.json');
    writeFileSync(both, JSON.stringify(doc));
    const out: string[] = [];
    const err: string[] = [];
    const io = { out: (t: string) => void out.push(t), err: (t: string) => void err.push(t), cwd: dir, env: {} };
    expect(await main(['export', both, '--bilingual', '-o', 'review.docx'], io)).toBe(0);
    expect(out.at(-1)).toMatch(/^review\.docx: bilingual docx, fr \| en, paper Letter \(\d+ warnings\)$/);
    expect(readFileSync(join(dir, 'review.docx')).subarray(0, 2).toString()).toBe('PK');
    // One line per kind of checker error, with its count: not one per untranslated block.
    const kinds = err.map((l) => /^warning: checker error \(([a-z-]+)\)/.exec(l)?.[1]).filter((k) => k !== undefined);
    expect(kinds.length).toBe(new Set(kinds).size);
    const untranslated = translationRows(doc, 'fr', 'en').filter((r) => r.status === 'untranslated').length;
    expect(untranslated).toBeGreaterThan(1);
    expect(err).toContainEqual(expect.stringMatching(new RegExp(`^warning: checker error \\(translation-missing\\), ${untranslated} places \\(the first: [^)]+\\): Not translated yet`)));
    const one = join(dir, 'fr.json');
    writeFileSync(one, JSON.stringify({ ...doc, text: { fr: doc.text.fr }, translation: undefined }));
    err.length = 0;
    expect(await main(['export', one, '--bilingual'], io)).toBe(1);
    expect(err).toEqual(['rapporteur export: --bilingual needs two language versions; this document has only French']);
    err.length = 0;
    expect(await main(['export', both, '--bilingual', '--format', 'pdf'], io)).toBe(1);
    expect(err).toEqual(['rapporteur export: --bilingual writes a DOCX (not --format pdf)']);
  });
});
