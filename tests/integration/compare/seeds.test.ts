/**
 * The comparison on the five seeds as the importer reads them (src/core/import), against edited
 * copies: the same edits found with shared ids, by text alone after a round trip through DOCX
 * (new ids, as a returned version has), and between two UN texts imported separately, as last
 * year's and this year's report would be.
 */
import { describe, expect, it } from 'vitest';
import { importText } from '../../../src/core/import';
import type { Block, RDocument } from '../../../src/core/model/schema';
import { listBlocks } from '../../../src/core/model/walk';
import { compareDocuments, type BlockChange, type CompareResult } from '../../../src/core/compare';
import { describeChanges, describeSummary, type Translate } from '../../../src/core/compare/describe';
import { exportDocx } from '../../../src/services/export/docx/index';
import { defaultExportOptions } from '../../../src/core/render/options';
import { importBytes } from '../../../src/services/import';
import { translator } from '../../../src/cli/messages';
import { readSeed } from '../../fixtures/seeds';
import { edited000, firstText, withoutParagraph } from './edits';
import en from '../../../locales/en/compare.json' with { type: 'json' };
import fr from '../../../locales/fr/compare.json' with { type: 'json' };

const SEEDS = ['000', '001', '002', '003', '004'];

async function french(): Promise<Translate> {
  const t = await translator('fr', { compare: { en, fr } });
  return (key, params) => t(key, params ?? {});
}

/** The paragraphs of a document with words (in parts and quotations), in order, and the list each sits in. */
function paragraphs(doc: RDocument): { block: Block; siblings: Block[] }[] {
  const out: { block: Block; siblings: Block[] }[] = [];
  for (const { block, part, container } of listBlocks(doc)) {
    if ((container && container.kind !== 'quote') || block.kind !== 'paragraph' || !doc.text.fr?.[block.id]) continue;
    if (!/\p{L}{4,}\s+\p{L}{4,}/u.test(firstText(doc, block.id)?.text ?? '')) continue;
    out.push({ block, siblings: container?.kind === 'quote' ? container.blocks : part.blocks });
  }
  return out;
}

const notRenumbered = (r: CompareResult) => r.blocks.filter((c) => c.op !== 'renumbered');
const ids = (r: CompareResult, op: BlockChange['op']) => r.blocks.filter((c) => c.op === op).map((c) => ('new' in c && !Array.isArray(c.new) ? c.new.id : 'old' in c && !Array.isArray(c.old) ? c.old.id : ''));

describe('every seed, as imported, against a copy with a word changed, a paragraph deleted and one inserted', () => {
  for (const seed of SEEDS) {
    it(`seed ${seed}`, async () => {
      const a = importText(readSeed(seed)).doc;
      const b = structuredClone(a);
      const paras = paragraphs(b);
      expect(paras.length).toBeGreaterThanOrEqual(3);
      const changed = paras[0]!.block.id;
      const run = firstText(b, changed);
      const word = run.text.match(/\p{L}{4,}/u)![0];
      run.text = run.text.replace(word, 'remplacé');
      const gone = paras[paras.length - 1]!;
      gone.siblings.splice(gone.siblings.indexOf(gone.block), 1);
      delete b.text.fr![gone.block.id];
      const after = paras[1]!;
      after.siblings.splice(after.siblings.indexOf(after.block) + 1, 0, { id: 'added', kind: 'paragraph', numbered: after.block.kind === 'paragraph' && after.block.numbered });
      b.text.fr!.added = { content: [{ type: 'text', text: 'Un paragraphe ajouté par le secrétariat du Groupe de travail.' }] };

      for (const mode of ['trust', 'ignore'] as const) {
        const r = compareDocuments(a, b, 'fr', { ids: mode });
        expect(r.summary, mode).toMatchObject({ changed: 1, inserted: 1, deleted: 1, moved: 0, split: 0, merged: 0, parts: 0, metadata: 0 });
        expect(ids(r, 'changed')).toEqual([changed]);
        expect(ids(r, 'inserted')).toEqual(['added']);
        expect(ids(r, 'deleted')).toEqual([gone.block.id]);
        const c = r.blocks.find((x) => x.op === 'changed')!;
        expect(c.op === 'changed' && c.runs!.filter((x) => x.op !== 'equal').map((x) => [x.op, x.text])).toEqual([
          ['delete', word],
          ['insert', 'remplacé'],
        ]);
      }
    });
  }
});

describe('seed 000: this year’s edits, listed with the labels of both versions', () => {
  const EXPECTED = [
    "12\u00a0: modification\t… de la paix a [-invité-]{+encouragé+} l'Organisation des Nations Unies …",
    '21\u00a0: ajout\tLe Groupe de travail a également examiné la question des …',
    'section C → section B\u00a0: déplacement\tPerspectives de complémentarité entre les entités des Nations Unies chargées …',
  ];

  it('with shared ids: the changes, the moved section as one group, renumbering apart', async () => {
    const a = importText(readSeed('000')).doc;
    const r = compareDocuments(a, edited000(a), 'fr');
    const lines = describeChanges(r, await french());
    expect(lines.slice(0, 3)).toEqual(EXPECTED);
    expect(lines).toContain("30\u00a0: suppression\tLe Président a déploré le fait que l'Union africaine se …");
    expect(lines.find((l) => l.startsWith('40 → 52'))).toMatch(/^40 → 52\u00a0: modification\t… .*maintien de \[-la-\]\{\+cette\+\} paix.* …$/);
    expect(lines.filter((l) => l.includes('déplacement'))).toHaveLength(19); // heading C, paragraphs 46–57 and six subparagraphs
    const moved = r.blocks.filter((c) => c.op === 'moved');
    expect(new Set(moved.map((c) => (c as { moveGroup?: number }).moveGroup))).toEqual(new Set([1]));
    expect(describeSummary(r, await french())).toBe('2 modifications, 1 ajout, 1 suppression, 19 déplacements, 24 changements de numéro seulement');
  });

  it('by text alone, after the edited copy went through DOCX and back (new ids): the same changes', async () => {
    const a = importText(readSeed('000')).doc;
    const { bytes } = await exportDocx(edited000(a), defaultExportOptions('fr', 'issued'));
    const back = importBytes(bytes, { name: 'rapport-2017.docx' }).doc;
    const r = compareDocuments(a, back, 'fr', { ids: 'ignore' });
    const lines = describeChanges(r, await french());
    for (const line of EXPECTED) expect(lines).toContain(line);
    expect(lines).toContain("30\u00a0: suppression\tLe Président a déploré le fait que l'Union africaine se …");
    expect(r.summary).toMatchObject({ inserted: 1, deleted: 1, moved: 19, split: 0, merged: 0, renumbered: 24 });
    // what DOCX adds is marks, not words: the raised "er" of « 1er », bold table heads
    const wordChanges = r.blocks.filter((c) => c.op === 'changed' && c.runs!.some((x) => x.op === 'insert' || x.op === 'delete'));
    expect(wordChanges).toHaveLength(2);
    for (const c of r.blocks.filter((x) => x.op === 'changed' && !wordChanges.includes(x))) {
      expect(c.op === 'changed' && c.runs!.every((x) => x.op === 'equal' || x.op === 'format')).toBe(true);
    }
  });
});

describe('two UN texts imported separately (ids of their own)', () => {
  it('last year’s text against this year’s with one paragraph less: that paragraph deleted, the rest only renumbered', async () => {
    const text = readSeed('000');
    const a = importText(text).doc;
    const b = importText(withoutParagraph(text, 30)).doc;
    const r = compareDocuments(a, b, 'fr', { ids: 'ignore' });
    expect(notRenumbered(r).map((c) => c.op)).toEqual(['deleted']);
    expect(notRenumbered(r)[0]).toMatchObject({ old: { label: { ref: '30' } } });
    expect(r.summary.renumbered).toBe(80);
    // trusting ids here would be wrong: both imports numbered their blocks b1, b2…
    const trusted = compareDocuments(a, b, 'fr', { ids: 'trust' });
    expect(trusted.summary.changed).toBeGreaterThan(50);
    expect(compareDocuments(a, b, 'fr', { ids: 'verify' }).summary).toMatchObject({ deleted: 1, changed: 0, inserted: 0 });
  });
});
