/**
 * Translation memory over a library of 2,000 bilingual dossiers (French/English, 40 paragraphs
 * each, drawn with variations from the paragraphs of the seeds, as yearly reports repeat each
 * other): the time to find the matches for one row, beside a plain full-text query of the same
 * words (every word, FTS5, the same index), in the same run. Target: ratio ≤ 3.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { RDocument } from '../../src/core/model/schema';
import { confirmTranslation } from '../../src/core/translation/versions';
import { plainWords } from '../../src/core/translation/terms';
import { fold } from '../../src/services/store/search';
import { openStore } from '../../src/services/store';
import { prng } from '../integration/store/docs';
import { seed000 } from '../fixtures/seeds';

const DOSSIERS = 2000;
const PARAGRAPHS = 40;

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

export default async function bench() {
  const dir = mkdtempSync(join(tmpdir(), 'rapporteur-bench-memory-'));
  try {
    const seed = seed000().doc;
    const body = seed.parts.flatMap((p) => p.blocks).filter((b) => b.kind === 'paragraph');
    const pool = body.map((b) => plainWords(seed.text.fr![b.id]!.content).replace(/\s+/g, ' ').trim()).filter((t) => t.split(' ').length > 6);
    const rnd = prng(2026);
    const pick = () => pool[Math.floor(rnd() * pool.length)]!;
    const vary = (t: string, k: number) => (k % 5 === 0 ? t.replace(/\b(\p{L}{6,})\b/u, `$1 ${['notamment', 'également', 'toutefois'][k % 3]}`) : t);
    const enOf = (t: string) => t.replace(/\p{L}+/gu, (w) => `${w}-en`);

    const store = await openStore(dir);
    store.connection.pragma('synchronous = OFF');
    for (let d = 0; d < DOSSIERS; d++) {
      const fr: NonNullable<RDocument['text']['fr']> = {};
      const en: NonNullable<RDocument['text']['en']> = {};
      const blocks = Array.from({ length: PARAGRAPHS }, (_, i) => {
        const id = `p${i}`;
        const t = vary(pick(), d * PARAGRAPHS + i);
        fr[id] = { content: [{ type: 'text', text: t }] };
        en[id] = { content: [{ type: 'text', text: enOf(t) }] };
        return { id, kind: 'paragraph' as const, numbered: true };
      });
      fr.body = { content: [{ type: 'text', text: `Rapport ${d}` }] };
      en.body = { content: [{ type: 'text', text: `Report ${d}` }] };
      const doc: RDocument = { ...seed, parts: [{ id: 'body', kind: 'body', bodyType: 'report', blocks, parts: [] }], text: { fr, en }, overrides: {} };
      store.create(confirmTranslation(doc, Object.keys(en), 'fr', 'en'));
    }
    const t0 = performance.now();
    store.refreshSearchIndex();
    const indexMs = performance.now() - t0;
    store.connection.pragma('synchronous = FULL');
    const segments = (store.connection.prepare('SELECT count(*) AS n FROM segments').get() as { n: number }).n;

    // Rows a translator reaches: a paragraph as it is in the library, and one changed by a word.
    const queries = Array.from({ length: 40 }, (_, i) => (i % 2 === 0 ? pick() : pick().replace(/\b(\p{L}{5,})\b/u, 'renforcée')));
    const plain = store.connection.prepare(`SELECT rowid FROM segments_fts WHERE segments_fts MATCH ? LIMIT 40`);
    const plainQuery = (text: string) => `fr : (${[...new Set(fold(text).match(/[\p{L}\p{N}]+/gu) ?? [])].map((w) => `"${w}"`).join(' ')})`;
    for (const q of queries.slice(0, 5)) {
      store.translationMemory(q, 'fr', 'en');
      plain.all(plainQuery(q));
    }
    const tm: number[] = [];
    const fts: number[] = [];
    let found = 0;
    let exact = 0;
    for (const q of queries) {
      let t = performance.now();
      const m = store.translationMemory(q, 'fr', 'en');
      tm.push(performance.now() - t);
      if (m.length > 0) found++;
      if (m[0]?.percent === 100) exact++;
      t = performance.now();
      plain.all(plainQuery(q));
      fts.push(performance.now() - t);
    }
    store.close();
    return [
      {
        name: `memory: matches for one row, ${DOSSIERS} bilingual dossiers (${segments} segments; ${found}/${queries.length} found, ${exact} exact) (median)`,
        value: median(tm),
        unit: 'ms',
        baselineName: 'FTS5 query of the same words (all of them)',
        baselineValue: median(fts),
        target: 'ratio ≤ 3',
      },
      { name: `memory: index ${DOSSIERS} dossiers (search + memory rows)`, value: indexMs, unit: 'ms' },
    ];
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
