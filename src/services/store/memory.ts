/**
 * Translation memory over the library: every dossier that holds both languages is a bitext
 * aligned by block (core/translation/memory.ts says which blocks), kept in `segments` with a
 * full-text index on each language (migration 003). For the text of a row being translated, the
 * candidates are found by the index (the rarest words of the text, any of them), then scored
 * word by word; exact and near matches come back with the words that differ, the translation,
 * and where they come from. Rebuilt for a dossier whenever the search index is (store.ts).
 */
import type { Database } from 'better-sqlite3';
import type { Lang, RDocument } from '../../core/model/schema';
import { bitextSegments, matchScore } from '../../core/translation/memory';
import type { WordRun } from '../../core/compare/types';
import { similarity, wordBag } from '../../core/compare/units';
import { fold } from './search';

export type MemoryMatch = {
  percent: number;
  /** The memory's text in the source language, and its translation. */
  source: string;
  target: string;
  /** From the memory's source (deleted words) to the text being translated (inserted words). */
  runs: WordRun[];
  dossierId: string;
  dossierTitle: string;
  blockId: string;
  /** The block's label in that dossier ("12.", "b)"), '' when it has none. */
  label: string;
};

export type MemoryQuery = {
  /** Leave out this block of this dossier (the row itself, when its dossier is already a bitext). */
  exclude?: { dossierId: string; blockId: string };
  /** Matches below this percentage are not offered (default 50). */
  minPercent?: number;
  /** How many matches at most (default 5). */
  limit?: number;
};

/** Replaces the memory rows of dossier `num` (in the caller's transaction). */
export function writeSegments(db: Database, num: number, doc: RDocument | undefined): void {
  db.prepare('DELETE FROM segments WHERE dossier_num = ?').run(num);
  if (!doc) return;
  const insert = db.prepare('INSERT INTO segments (dossier_num, block_id, label, fr, en) VALUES (?, ?, ?, ?, ?)');
  for (const s of bitextSegments(doc)) insert.run(num, s.blockId, s.label, s.fr, s.en);
}

const WORD = /[\p{L}\p{N}]+/gu;
/** Candidates the index gives back; enough for every near match of a sentence in a large library. */
const CANDIDATES = 60;
/** Candidates scored word by word (the closest by their words first). */
const FINALISTS = 10;
/** Words of the text the index looks for. */
const QUERY_WORDS = 6;

/** Words that say nothing about which sentence this is. */
const STOP = new Set(
  ('le la les l un une des du de d au aux et ou en a à dans par pour sur avec sans sous entre que qui qu ne pas plus se sa son ses leur leurs ce cet cette ces il elle ils elles on nous vous est sont été être ont a ainsi également ' +
    'the a an of and or in on at to for by with from as is are was were be been has have had that which this these those it its their not also such')
    .split(' '),
);

/**
 * The words of `text` the index should look for: distinct, folded, no stop words, the longest
 * first (in UN prose, a long word is a rare one: « interinstitutionnelle », "peacebuilding").
 */
function queryWords(text: string): string[] {
  const distinct = [...new Set(fold(text).match(WORD) ?? [])].filter((w) => w.length >= 3 && !STOP.has(w) && !/^\d+$/.test(w));
  distinct.sort((a, b) => b.length - a.length);
  return distinct.slice(0, QUERY_WORDS);
}

type Candidate = { id: number; block_id: string; label: string; src: string; tgt: string; dossier_id: string; title: string };

/**
 * Candidates from the index: rows holding all of the query's words first (a sentence met again,
 * or changed elsewhere), then any of them, until there are enough.
 */
function candidates(db: Database, words: string[], source: Lang, target: Lang): Candidate[] {
  const sql = `SELECT s.id, s.block_id, s.label, s.${source} AS src, s.${target} AS tgt, d.id AS dossier_id, d.title
    FROM segments_fts f JOIN segments s ON s.id = f.rowid JOIN dossiers d ON d.num = s.dossier_num
    WHERE segments_fts MATCH ? AND d.trashed_at IS NULL LIMIT ${CANDIDATES}`;
  const q = (op: ' ' | ' OR ', ws: string[]) => `${source} : (${ws.map((w) => `"${w}"`).join(op)})`;
  const out = new Map<number, Candidate>();
  const add = (rows: Candidate[]) => rows.forEach((r) => out.size < CANDIDATES && !out.has(r.id) && out.set(r.id, r));
  const stmt = db.prepare(sql);
  add(stmt.all(q(' ', words)) as Candidate[]);
  if (out.size < FINALISTS && words.length > 3) add(stmt.all(q(' ', words.slice(0, 3))) as Candidate[]);
  if (out.size < FINALISTS) add(stmt.all(q(' OR ', words)) as Candidate[]);
  return [...out.values()];
}

export function findMatches(db: Database, text: string, source: Lang, target: Lang, query: MemoryQuery = {}): MemoryMatch[] {
  if (source === target) return [];
  const words = queryWords(text);
  if (words.length === 0) return [];
  const bag = wordBag(text);
  const min = query.minPercent ?? 50;
  const ranked = candidates(db, words, source, target)
    .filter((r) => !(query.exclude && r.dossier_id === query.exclude.dossierId && r.block_id === query.exclude.blockId))
    .map((r) => ({ r, dice: similarity(bag, wordBag(r.src)) }))
    // Dice bounds the word-by-word score from above: what is below the threshold here stays below.
    .filter((x) => x.dice * 100 >= min)
    .sort((a, b) => b.dice - a.dice);
  const seen = new Set<string>();
  const out: MemoryMatch[] = [];
  for (const { r } of ranked.slice(0, FINALISTS)) {
    const key = `${r.src}\u0000${r.tgt}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const score = matchScore(r.src, text, source);
    if (score.percent < min) continue;
    out.push({ percent: score.percent, source: r.src, target: r.tgt, runs: score.runs, dossierId: r.dossier_id, dossierTitle: r.title, blockId: r.block_id, label: r.label });
  }
  out.sort((a, b) => b.percent - a.percent);
  return out.slice(0, query.limit ?? 5);
}
