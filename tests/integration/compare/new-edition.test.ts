/**
 * `db new-edition` on seed 000 as imported (the 2016 report of the Working Group): a 2017 report
 * in a new dossier, titled for « du 1er janvier au 31 décembre 2017 » from its metadata, new ids
 * linked to the old blocks, the years 2016 the text still states listed (and left as they are),
 * the 2016 text as its baseline, which `compare ID` and `export ID --changes-from baseline` read.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importText } from '../../../src/core/import';
import { listBlocks, listParts } from '../../../src/core/model/walk';
import { layoutDocument } from '../../../src/core/render/layout';
import { spansText } from '../../../src/core/render/spans';
import type { RDocument } from '../../../src/core/model/schema';
import { openStore } from '../../../src/services/store';
import { readSeed } from '../../fixtures/seeds';
import { runCliIn } from '../import/refusals';

const dir = mkdtempSync(join(tmpdir(), 'rapporteur-edition-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const cli = (...argv: string[]) => runCliIn(dir, ...argv);
const data = join(dir, 'data');

const old = importText(readSeed('000')).doc;
let oldId = '';
let out = '';
let newId = '';
let edition: RDocument;

const wordsOf = (doc: RDocument) =>
  [...listParts(doc).map((p) => p.part.id), ...listBlocks(doc).map((b) => b.block.id)]
    .map((id) => (doc.text.fr?.[id]?.content ?? []).map((c) => ('text' in c ? c.text : '')).join(''))
    .join(' ');

beforeAll(async () => {
  const store = await openStore(data, { create: true });
  try {
    oldId = store.create(old).id;
  } finally {
    store.close();
  }
  const r = await cli('db', '--data-dir', data, 'new-edition', oldId);
  expect(r.err).toBe('');
  expect(r.code).toBe(0);
  out = r.out;
  newId = out.split(':')[0]!;
  const s = await openStore(data, { create: false });
  try {
    edition = s.get(newId).document;
  } finally {
    s.close();
  }
});

describe('db new-edition on seed 000 as imported', () => {
  it('is a 2017 report titled for « du 1er janvier au 31 décembre 2017 », stated once in its metadata', () => {
    expect(out.split('\n')[0]).toBe(`${newId}: new edition of ${oldId} (period 2016-01-01–2016-12-31 → 2017-01-01–2017-12-31; baseline: revision 1)`);
    expect(edition.meta.reportingPeriod).toEqual({ from: '2017-01-01', to: '2017-12-31' });
    const report = layoutDocument(edition, 'fr').parts.find((p) => p.kind === 'body')!;
    expect(spansText(report.title)).toBe(
      'Rapport sur les activités menées par le Groupe de travail plénier sur les opérations de maintien de la paix des Nations Unies au cours de la période allant du 1er janvier au 31 décembre 2017',
    );
    expect(report.titleGenerated).toBe(true);
    // the dates a year on; the symbol and job number are the Secretariat's to give
    expect(edition.meta.issueDate).toBe(old.meta.issueDate ? `${Number(old.meta.issueDate.slice(0, 4)) + 1}${old.meta.issueDate.slice(4)}` : undefined);
    expect(edition.meta.symbols).toEqual([]);
  });

  it('copies structure and text with new ids, each block linked to the one it came from', () => {
    const oldIds = new Set(listBlocks(old).map((b) => b.block.id));
    const blocks = listBlocks(edition);
    expect(blocks).toHaveLength(oldIds.size);
    for (const { block } of blocks) {
      expect(oldIds.has(block.id)).toBe(false);
      expect(oldIds.has(edition.meta.previousEdition!.blocks[block.id]!)).toBe(true);
    }
    expect(edition.meta.previousEdition!.dossier).toBe(oldId);
    // the text is the old text but for the title's period clause, which the metadata now states
    expect(wordsOf(edition)).toBe(wordsOf(old).replace(' au cours de la période allant du 1er janvier au 31 décembre 2016', ''));
  });

  it('lists the years of the old period the text still states, and replaces none', () => {
    const review = out.split('\n').filter((l) => l.startsWith('review\t'));
    expect(review.length).toBeGreaterThan(3);
    for (const l of review) expect(l).toMatch(/^review\t[A-Za-z][\w-]*\tfr\t2016\t.*2016/);
    expect(review.some((l) => l.includes('allant du 1er janvier au 31 décembre 2016'))).toBe(true);
    expect(out.split('\n').at(-1)).toBe(`${review.length} ${review.length === 1 ? 'mention' : 'mentions'} of the old period's years to review (none replaced)`);
    expect(wordsOf(edition)).toContain('31 décembre 2016');
  });

  it('keeps the 2016 text as its baseline: compare ID reads it, and the export marks the changes from it', async () => {
    const s = await openStore(data, { create: false });
    try {
      const base = s.baseline(newId)!;
      expect(base.ids).toBe('trust');
      expect(wordsOf(base.document)).toBe(wordsOf(old));
      expect(listBlocks(base.document).map((b) => b.block.id)).toEqual(listBlocks(edition).map((b) => b.block.id));
    } finally {
      s.close();
    }
    const c = await cli('compare', newId, '--data-dir', data);
    expect(c.code).toBe(0);
    expect(c.out).toMatch(/meta\.reportingPeriod/);
    const lines = c.out.split('\n');
    // no block changed: the title's part (its period) and the metadata did
    expect(lines.at(-1)).toBe('1 changement de partie, 3 changements de métadonnées');

    const e = await cli('export', newId, '--changes-from', 'baseline', '--data-dir', data, '--format', 'docx', '-o', 'edition.docx', '--lang', 'fr');
    expect(e.code).toBe(0);
    const xml = strFromU8(unzipSync(new Uint8Array(await readFile(join(dir, 'edition.docx'))))['word/document.xml']!);
    expect(xml).toContain('au cours de la période allant du 1'); // « 1er » with its raised « er »
    // the title reads the new period: its year marked as changed, the rest as it was
    expect(xml).toMatch(/janvier au 31 décembre <\/w:t><\/w:r>(?:(?!<\/w:p>).)*<w:del [^>]*><w:r>(?:(?!<\/w:del>).)*<w:delText[^>]*>2016<\/w:delText>(?:(?!<\/w:p>).)*<w:ins [^>]*><w:r>(?:(?!<\/w:ins>).)*<w:t[^>]*>2017<\/w:t>/);
  });

  it('takes last year’s issued text as its baseline when given (--baseline), its ids its own', async () => {
    writeFileSync(join(dir, 'issued-2016.txt'), readSeed('000'));
    const r = await cli('db', '--data-dir', data, 'new-edition', oldId, '--baseline', 'issued-2016.txt');
    expect(r.code).toBe(0);
    const id = r.out.split(':')[0]!;
    const s = await openStore(data, { create: false });
    try {
      expect(s.baseline(id)!.ids).toBe('ignore');
      expect(wordsOf(s.baseline(id)!.document)).toBe(wordsOf(old));
    } finally {
      s.close();
    }
    expect((await cli('compare', id, '--data-dir', data)).code).toBe(0);
  });

  it('refuses what it cannot do in one line', async () => {
    for (const [args, message] of [
      [['db', '--data-dir', data, 'new-edition', 'zzzzzz'], /zzzzzz/],
      [['db', '--data-dir', data, 'new-edition', oldId, '--baseline', 'nowhere.docx'], /--baseline .*nowhere\.docx/],
      [['compare', oldId, '--data-dir', data], /has no baseline/],
    ] as [string[], RegExp][]) {
      const r = await cli(...args);
      expect(r.code, args.join(' ')).toBe(1);
      expect(r.err.split('\n')).toHaveLength(1);
      expect(r.err).toMatch(message);
    }
  });
});
