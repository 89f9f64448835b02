/**
 * The local store on real files (a temporary folder, WAL, synchronous=FULL), each row beside a
 * baseline measured in the same run, interleaved with it: writing the same JSON to a file and
 * fsync-ing it (open, write, fsync, close), the least a durable save can cost.
 *
 * - save: autosave of a 1,000-paragraph document (French and English, ~730 KB of JSON) after a
 *   one-paragraph edit, as the editor does; the time includes validation, serialisation, hashing
 *   and the transaction. Clock: one save per second, so an automatic revision falls due every
 *   300 saves, as in real typing. A separate row times saves that do record a revision.
 * - list / search: 10,000 dossiers of 20 paragraphs. The library is filled with synchronous=OFF
 *   to save minutes of setup; every measured operation runs with synchronous=FULL.
 */
import { closeSync, fsyncSync, mkdtempSync, openSync, rmSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openStore } from '../../src/services/store';
import { editParagraph, makeDocument } from '../integration/store/docs';

type Stats = { median: number; p95: number };

function stats(samples: number[]): Stats {
  const s = [...samples].sort((a, b) => a - b);
  return { median: s[Math.floor(s.length / 2)]!, p95: s[Math.min(s.length - 1, Math.floor(s.length * 0.95))]! };
}

function fsyncWrite(file: string, json: string): number {
  const t = performance.now();
  const fd = openSync(file, 'w');
  writeSync(fd, json);
  fsyncSync(fd);
  closeSync(fd);
  return performance.now() - t;
}

export default async function bench() {
  const dir = mkdtempSync(join(tmpdir(), 'rapporteur-bench-store-'));
  const rows = [];
  try {
    // ---------------------------------------------------------------------------------------
    // Save
    let clock = Date.UTC(2026, 2, 12, 9);
    const saveDir = join(dir, 'save');
    const { mkdirSync } = await import('node:fs');
    mkdirSync(saveDir);
    const store = await openStore(saveDir, { now: () => clock });
    let doc = makeDocument({ paragraphs: 1000 });
    const baselineFile = join(dir, 'baseline.json');
    const { id } = store.create(doc);
    let version = 1;
    const saveTimes: number[] = [];
    const baseTimes: number[] = [];
    const RUNS = 300;
    for (let i = 0; i < RUNS + 30; i++) {
      doc = editParagraph(doc, i % 1000, `Paragraphe modifié ${i} : la coopération entre le Conseil de sécurité et les organisations régionales.`);
      clock += 1000;
      const t = performance.now();
      version = store.save(id, doc, { base: version }).version;
      const dt = performance.now() - t;
      const bt = fsyncWrite(baselineFile, JSON.stringify(doc));
      if (i >= 30) {
        saveTimes.push(dt);
        baseTimes.push(bt);
      }
    }
    store.close();
    const save = stats(saveTimes);
    const base = stats(baseTimes);
    const bytes = Buffer.byteLength(JSON.stringify(doc));

    // Saves that record an automatic revision (every save, interval 0): the once-every-5-minutes path.
    const revStore = await openStore(saveDir, { now: () => clock, revisionIntervalMs: 0 });
    const revTimes: number[] = [];
    const revBase: number[] = [];
    for (let i = 0; i < 60; i++) {
      doc = editParagraph(doc, (i * 7) % 1000, `Révision ${i}.`);
      clock += 1000;
      const t = performance.now();
      version = revStore.save(id, doc, { base: version }).version;
      const dt = performance.now() - t;
      const bt = fsyncWrite(baselineFile, JSON.stringify(doc));
      if (i >= 10) {
        revTimes.push(dt);
        revBase.push(bt);
      }
    }
    revStore.close();
    const rev = stats(revTimes);
    const revB = stats(revBase);

    const kb = `${Math.round(bytes / 1024)} KB`;
    rows.push(
      { name: `store: save 1,000-paragraph doc, ${kb} (median)`, value: save.median, unit: 'ms', baselineName: 'same JSON, write+fsync', baselineValue: base.median, target: 'p95 < 10 ms' },
      { name: `store: save 1,000-paragraph doc, ${kb} (p95)`, value: save.p95, unit: 'ms', baselineName: 'same JSON, write+fsync', baselineValue: base.p95, target: 'p95 < 10 ms' },
      { name: 'store: save + automatic revision (every 5 min) (median)', value: rev.median, unit: 'ms', baselineName: 'same JSON, write+fsync', baselineValue: revB.median },
      { name: 'store: save + automatic revision (every 5 min) (p95)', value: rev.p95, unit: 'ms', baselineName: 'same JSON, write+fsync', baselineValue: revB.p95 },
    );

    // ---------------------------------------------------------------------------------------
    // List and search over 10,000 dossiers
    const libDir = join(dir, 'library');
    mkdirSync(libDir);
    const lib = await openStore(libDir);
    lib.connection.pragma('synchronous = OFF');
    const N = 10_000;
    for (let i = 0; i < N; i++) {
      const plant = i % 1000 === 0 ? { fr: 'Le désarmement nucléaire était au cœur des débats.', en: 'Nuclear disarmament was the focus.' } : undefined;
      lib.create(
        makeDocument({
          seed: i + 1,
          paragraphs: 20,
          kind: i % 3 === 0 ? 'letter' : 'annual-report',
          title: { fr: `Rapport n° ${i + 1} sur la coopération régionale`, en: `Report No. ${i + 1} on regional cooperation` },
          ...(plant ? { plant } : {}),
        }),
      );
    }
    lib.refreshSearchIndex();
    lib.connection.pragma('synchronous = FULL');
    lib.connection.pragma('wal_checkpoint(TRUNCATE)');
    for (let i = 0; i < 50; i += 2) lib.trash(lib.list({ limit: 1, offset: 100 + i })[0]!.id);

    const timeIt = (fn: () => unknown, runs: number): { s: Stats; last: unknown } => {
      let last: unknown;
      for (let i = 0; i < 5; i++) last = fn();
      const t: number[] = [];
      for (let i = 0; i < runs; i++) {
        const a = performance.now();
        last = fn();
        t.push(performance.now() - a);
      }
      return { s: stats(t), last };
    };
    const baselineOf = (value: unknown, runs = 30) => {
      const json = JSON.stringify(value);
      const t: number[] = [];
      for (let i = 0; i < runs; i++) t.push(fsyncWrite(baselineFile, json));
      return stats(t);
    };

    const page = timeIt(() => lib.list({ sort: 'updated', limit: 100 }), 50);
    const all = timeIt(() => lib.list({ sort: 'title' }), 20);
    const filtered = timeIt(() => lib.list({ sort: 'created', kind: 'letter', language: 'fr', limit: 100 }), 50);
    const rare = timeIt(() => lib.search('desarmement'), 50);
    const accented = timeIt(() => lib.search('cooperation regionale'), 30);
    const common = timeIt(() => lib.search('paix'), 30);
    const hits = (x: unknown) => (x as unknown[]).length;
    rows.push(
      { name: 'store: list 10,000 dossiers, first 100 by date', value: page.s.median, unit: 'ms', baselineName: 'same JSON, write+fsync', baselineValue: baselineOf(page.last).median },
      { name: 'store: list 10,000 dossiers, all by title', value: all.s.median, unit: 'ms', baselineName: 'same JSON, write+fsync', baselineValue: baselineOf(all.last).median },
      { name: 'store: list 10,000, kind+language filter, 100', value: filtered.s.median, unit: 'ms', baselineName: 'same JSON, write+fsync', baselineValue: baselineOf(filtered.last).median },
      { name: `store: search 10,000, rare word (${hits(rare.last)} hits) (median)`, value: rare.s.median, unit: 'ms', baselineName: 'same JSON, write+fsync', baselineValue: baselineOf(rare.last).median, target: '< 20 ms' },
      { name: `store: search 10,000, "cooperation regionale" (top ${hits(accented.last)} of 10,000) (median)`, value: accented.s.median, unit: 'ms', baselineName: 'same JSON, write+fsync', baselineValue: baselineOf(accented.last).median, target: '< 20 ms' },
      { name: `store: search 10,000, word in every dossier (top ${hits(common.last)}) (median)`, value: common.s.median, unit: 'ms', baselineName: 'same JSON, write+fsync', baselineValue: baselineOf(common.last).median, target: '< 20 ms' },
      { name: `store: search 10,000, word in every dossier (p95)`, value: common.s.p95, unit: 'ms', baselineName: 'same JSON, write+fsync', baselineValue: baselineOf(common.last).p95, target: '< 20 ms' },
    );
    lib.close();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  return rows;
}
