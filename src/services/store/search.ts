/**
 * Full-text search: what is indexed for a dossier, how a user's words become an FTS5 query, and
 * the query itself (bm25 ranking, snippets, filters). The FTS5 table is created by migration 002.
 * Search indexing is not part of a save: the index records the version it reflects, and stale
 * rows are reindexed before a search and when a dossier is closed.
 *
 * Queries: every word must appear; a word matches the beginnings of words ("secur" finds
 * « sécurité »); "quoted words" must appear in that order. Case and accents never matter.
 * Everything the user types is quoted before it reaches FTS5, so no input is an FTS5 syntax
 * error (AND, NOT, column:, parentheses and stray quotes are just words).
 */
import type { Lang, RDocument } from '../../core/model/schema';
import type { Connection } from './connection';
import { currentJson, DOSSIER_COLUMNS, filters, loadJson, positiveInt, summaryOf, type DossierRow } from './rows';
import { LANGS } from '../../core/model/schema';
import { walkDocument } from '../../core/model/walk';
import { countryNaming } from '../../core/locale/countries';
import { displayTitle, inlinePlain } from './derive';
import { writeSegments } from './memory';
import type { SearchHit, SearchQuery, SnippetPart } from './types';

/** Bump when `indexText` changes what it extracts: every dossier is then reindexed on open. */
export const SEARCH_INDEX_VERSION = 1;

export type IndexText = { title: string; symbols: string; meta: string; body: string };

function layerText(doc: RDocument, lang: Lang): string[] {
  const layer = doc.text[lang];
  if (!layer) return [];
  const out: string[] = [];
  const push = (id: string) => {
    const t = layer[id];
    if (t) out.push(inlinePlain(t.content));
  };
  walkDocument(doc, { part: (p) => push(p.id), block: (b) => push(b.id) });
  for (const o of Object.values(doc.overrides)) {
    const v = o[lang];
    if (v) out.push(v);
  }
  return out;
}

/** The four indexed columns of a dossier. */
export function indexText(doc: RDocument): IndexText {
  const titles = new Set<string>();
  for (const lang of LANGS) {
    const t = displayTitle(doc, lang);
    if (t) titles.add(t);
  }
  const m = doc.meta;
  const meta: string[] = [];
  const addLocalized = (l: { fr?: string | undefined; en?: string | undefined } | undefined) => {
    if (l?.fr) meta.push(l.fr);
    if (l?.en) meta.push(l.en);
  };
  const countries = new Set<string>();
  for (const p of m.people) {
    meta.push(p.name);
    addLocalized(p.role.body);
    for (const lines of [p.titleLines?.fr, p.titleLines?.en]) if (lines) meta.push(...lines);
    if (p.role.country) countries.add(p.role.country);
  }
  for (const code of [...countries, ...Object.keys(m.countryNames ?? {})]) {
    const n = countryNaming(code, doc);
    if (n) meta.push(n.fr.name, n.en.name);
  }
  for (const s of m.sessions) {
    if (s.organ === 'GA') for (const item of s.agendaItems) addLocalized(item.title);
  }
  if (m.meeting) {
    addLocalized(m.meeting.item);
    meta.push(m.meeting.date);
  }
  for (const d of [m.issueDate, m.letterDate, m.jobNumber]) if (d) meta.push(d);
  const body: string[] = [];
  for (const lang of LANGS) body.push(...layerText(doc, lang));
  return {
    title: [...titles].join('\n'),
    symbols: m.symbols.join(' '),
    meta: meta.join('\n'),
    body: body.join('\n'),
  };
}

/** Replaces the index row of dossier `num` (in the caller's transaction). */
function writeIndexRow(c: Connection, num: number, doc: RDocument): void {
  const t = indexText(doc);
  c.q('DELETE FROM search WHERE rowid = ?').run(num);
  c.q('INSERT INTO search (rowid, title, symbols, meta, body) VALUES (?, ?, ?, ?, ?)').run(num, t.title, t.symbols, t.meta, t.body);
}

const HAS_WORD = /[\p{L}\p{N}]/u;
const WORD = /[\p{L}\p{N}]+/gu;

/** Case and accents folded the way the index folds them (unicode61, remove_diacritics 2). */
export function fold(s: string): string {
  return s.normalize('NFD').replace(/\p{M}+/gu, '').toLowerCase();
}

/** A query term: the words of a "quoted phrase" (exact, in order) or one typed word (a word beginning). */
export type QueryTerm = { words: string[]; prefix: boolean; raw: string };

/** The user's words as terms; empty when there is nothing to search for. */
export function parseQuery(input: string): QueryTerm[] {
  const terms: QueryTerm[] = [];
  for (const m of input.normalize('NFC').matchAll(/"([^"]*)"?|(\S+)/g)) {
    const phrase = m[1];
    const raw = phrase ?? m[2] ?? '';
    if (!HAS_WORD.test(raw)) continue;
    terms.push({ raw, prefix: phrase === undefined, words: [...raw.matchAll(WORD)].map((w) => fold(w[0])) });
  }
  return terms;
}

/**
 * The user's words as an FTS5 query, or undefined when there is nothing to search for.
 * `sécurité du "Conseil de"` → `"sécurité"* "du"* "Conseil de"`.
 */
export function ftsQuery(input: string): string | undefined {
  const terms = parseQuery(input);
  if (terms.length === 0) return undefined;
  return terms.map((t) => `"${t.raw.replace(/"/g, '""')}"${t.prefix ? '*' : ''}`).join(' ');
}

const FOLDED = new Map<string, string>();

function foldChar(c: string): string {
  let f = FOLDED.get(c);
  if (f === undefined) {
    const full = fold(c);
    f = full.length === c.length ? full : c.toLowerCase().length === c.length ? c.toLowerCase() : c;
    FOLDED.set(c, f);
  }
  return f;
}

/** `fold` that keeps every character in its place (same length), so positions carry over to the original. */
export function foldInPlace(s: string): string {
  return s.replace(/[A-Z]|[^\p{ASCII}]/gu, foldChar);
}

/** One regular expression finding every query word in folded text; group i+1 is term i. */
function termsPattern(terms: QueryTerm[]): RegExp {
  const groups = terms.map((t) => {
    const words = t.words.map((w) => (t.prefix && t.words.length === 1 ? `${w}[\\p{L}\\p{N}]*` : `${w}(?![\\p{L}\\p{N}])`));
    return `(?<![\\p{L}\\p{N}])(?:${words.join('|')})`;
  });
  return new RegExp(groups.map((g) => `(${g})`).join('|'), 'gu');
}

type Match = { start: number; end: number; term: number };

/**
 * A snippet of `text` around the query's words: about `span` characters where the most different
 * query terms (then the most matches) sit together, matching words marked. Computed here rather
 * than with FTS5's snippet(), which re-runs the whole query for each hit (measured: 50 snippets of
 * a word-beginning query over 10,000 dossiers took about 20 ms).
 */
export function makeSnippet(text: string, terms: QueryTerm[], span = 120): { parts: SnippetPart[]; distinct: number } {
  if (terms.length === 0 || text === '') return { parts: [], distinct: 0 };
  const folded = foldInPlace(text);
  const matches: Match[] = [];
  for (const m of folded.matchAll(termsPattern(terms))) {
    const term = m.slice(1).findIndex((g) => g !== undefined);
    matches.push({ start: m.index, end: m.index + m[0].length, term });
  }
  if (matches.length === 0) return { parts: [], distinct: 0 };
  let best = 0;
  let bestScore = -1;
  let bestDistinct = 0;
  for (let i = 0; i < matches.length; i++) {
    const seen = new Set<number>();
    let n = 0;
    for (let j = i; j < matches.length && matches[j]!.end - matches[i]!.start <= span; j++) {
      seen.add(matches[j]!.term);
      n++;
    }
    const score = seen.size * 1000 + n;
    if (score > bestScore) {
      bestScore = score;
      best = i;
      bestDistinct = seen.size;
    }
  }
  // A few words before the first match, then up to `span` characters, cut at word boundaries.
  const first = matches[best]!.start;
  let from = 0;
  if (first > 40) {
    const space = text.indexOf(' ', first - 40);
    from = space >= 0 && space < first ? space + 1 : first;
  }
  let to = Math.min(text.length, from + span + 40);
  if (to < text.length) {
    const space = text.lastIndexOf(' ', to);
    if (space > matches[best]!.end) to = space;
  }
  const parts: SnippetPart[] = [];
  const push = (t: string, hit: boolean) => {
    const clean = t.replace(/\s+/g, ' ');
    if (clean === '') return;
    const prev = parts[parts.length - 1];
    if (prev && prev.hit === hit) prev.text += clean;
    else parts.push({ text: clean, hit });
  };
  if (from > 0) push('…', false);
  let cursor = from;
  for (const m of matches) {
    if (m.start < from || m.end > to) continue;
    push(text.slice(cursor, m.start), false);
    push(text.slice(m.start, m.end), true);
    cursor = m.end;
  }
  push(text.slice(cursor, to), false);
  if (to < text.length) push('…', false);
  if (parts[0] && !parts[0].hit) parts[0].text = parts[0].text.trimStart();
  const lastPart = parts[parts.length - 1];
  if (lastPart && !lastPart.hit) lastPart.text = lastPart.text.trimEnd();
  return { parts, distinct: bestDistinct };
}

/** The best snippet among a dossier's indexed columns: the body first, then metadata, symbols, title. */
export function bestSnippet(columns: IndexText, terms: QueryTerm[]): SnippetPart[] {
  let best: { parts: SnippetPart[]; distinct: number } = { parts: [], distinct: 0 };
  for (const text of [columns.body, columns.meta, columns.symbols, columns.title]) {
    const s = makeSnippet(text, terms);
    if (s.distinct > best.distinct) best = s;
    if (best.distinct === terms.length) break;
  }
  return best.parts;
}

/** Column weights for bm25: a word in the title counts most, then symbols, metadata, body. */
export const BM25_WEIGHTS = [10, 8, 3, 1] as const;

export function bm25Sql(): string {
  return `bm25(search, ${BM25_WEIGHTS.join(', ')})`;
}

// ---------------------------------------------------------------------------------------------
// Keeping the index, searching it

/** (Re)indexes dossier `num` at `version` (inside the caller's transaction). */
export function indexOne(c: Connection, num: number, id: string, title: string, version: number): void {
  let parsed: RDocument | undefined;
  try {
    parsed = loadJson(currentJson(c, num, id, title), id, title, 'current text');
  } catch {
    parsed = undefined;
  }
  writeSegments(c.db, num, parsed);
  if (parsed) writeIndexRow(c, num, parsed);
  else {
    // An invalid row stays findable by its title; opening it reports the problem.
    c.q('DELETE FROM search WHERE rowid = ?').run(num);
    c.q(`INSERT INTO search (rowid, title, symbols, meta, body) VALUES (?, ?, '', '', '')`).run(num, title);
  }
  c.q('UPDATE dossiers SET indexed_version = ? WHERE num = ?').run(version, num);
}

/** Brings the search index up to date with every saved document; returns how many were indexed. */
export function refreshSearchIndex(c: Connection): number {
  let total = 0;
  for (;;) {
    const n = c.tx(() => {
      const stale = c.q(`SELECT num, id, title, version FROM dossiers WHERE indexed_version IS NOT version LIMIT 200`).all() as { num: number; id: string; title: string; version: number }[];
      for (const s of stale) indexOne(c, s.num, s.id, s.title, s.version);
      return stale.length;
    });
    total += n;
    if (n < 200) return total;
  }
}

/**
 * Full-text search over titles, symbols, metadata and the text of every language, ignoring case
 * and accents, best matches first, each with a snippet. The trash is left out unless asked.
 */
export function searchDossiers(c: Connection, text: string, query: SearchQuery = {}): SearchHit[] {
  const match = ftsQuery(typeof text === 'string' ? text : '');
  if (match === undefined) return [];
  const limit = positiveInt(query.limit, 50, 'limit');
  refreshSearchIndex(c);
  const { where, params } = filters(query);
  const sql = `SELECT ${DOSSIER_COLUMNS}, ${bm25Sql()} AS score
    FROM search JOIN dossiers d ON d.num = search.rowid
    WHERE search MATCH @match ${where.length ? `AND ${where.join(' AND ')}` : ''}
    ORDER BY score LIMIT @limit`;
  return c.read(() => {
    const rows = c.q(sql).all({ ...params, match, limit }) as (DossierRow & { score: number })[];
    const columns = c.q('SELECT title, symbols, meta, body FROM search WHERE rowid = ?');
    const terms = parseQuery(text);
    return rows.map((r) => ({ ...summaryOf(r), score: r.score, snippet: bestSnippet(columns.get(r.num) as IndexText, terms) }));
  });
}
