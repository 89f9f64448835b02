/**
 * A dossier's row and its current document, as the other parts of the store read and write them:
 * documents validated on the way in and on the way out (a stored row that fails validation gives
 * 'invalid-document' naming the dossier, never a crash), the current text checked against its
 * checksum, the derived columns (title, languages, symbols) rewritten with every change, and the
 * filters lists and searches share.
 */
import { crc32 } from 'node:zlib';
import { randomBytes } from 'node:crypto';
import type { Lang, RDocument } from '../../core/model/schema';
import { parseDocument } from '../../core/model/validate';
import type { Connection } from './connection';
import { documentFacts } from './derive';
import { StoreError } from './errors';
import type { DossierSummary, TrashFilter } from './types';

export type DossierRow = {
  num: number;
  id: string;
  title: string;
  kind: string;
  original_language: string;
  languages: string;
  symbols: string;
  created_at: number;
  updated_at: number;
  version: number;
  trashed_at: number | null;
};

/** The columns a DossierRow reads: as `d.…` in queries, bare in a RETURNING clause (SQLite allows no table name there). */
const ROW_COLUMNS = ['num', 'id', 'title', 'kind', 'original_language', 'languages', 'symbols', 'created_at', 'updated_at', 'version', 'trashed_at'];
export const DOSSIER_COLUMNS = ROW_COLUMNS.map((c) => `d.${c}`).join(', ');

export function summaryOf(r: DossierRow): DossierSummary {
  let symbols: string[] = [];
  try {
    const parsed = JSON.parse(r.symbols) as unknown;
    if (Array.isArray(parsed)) symbols = parsed.filter((s): s is string => typeof s === 'string');
  } catch {
    // a list column is derived data: a damaged one shows as empty, the document is unaffected
  }
  return {
    id: r.id,
    title: r.title,
    kind: r.kind as DossierSummary['kind'],
    originalLanguage: r.original_language as Lang,
    languages: r.languages === '' ? [] : (r.languages.split(',') as Lang[]),
    symbols,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
    version: r.version,
    trashedAt: r.trashed_at,
  };
}

const ID_ALPHABET = '0123456789abcdefghjkmnpqrstvwxyz';

/** A readable random dossier id: 12 characters of Crockford base 32 (60 bits). */
export function newDossierId(): string {
  const bytes = randomBytes(12);
  let s = '';
  for (const b of bytes) s += ID_ALPHABET[b & 31];
  return s;
}

/** A document ready to store: validated, as JSON, with its checksum. */
export type Prepared = { doc: RDocument; json: string; checksum: number };

function invalidInput(issues: { path: string; message: string }[]): StoreError {
  const [first, ...rest] = issues;
  const more = rest.length > 0 ? ` (and ${rest.length} more problem${rest.length > 1 ? 's' : ''})` : '';
  return new StoreError('invalid-document', `The document is not valid: ${first?.path}: ${first?.message}${more}. Nothing was saved.`, {
    issues: issues.slice(0, 50),
  });
}

/** Validates a document on its way in ('invalid-document' with the path and reason). */
export function prepare(input: unknown): Prepared {
  const parsed = parseDocument(input);
  if (!parsed.ok) throw invalidInput(parsed.issues);
  const json = JSON.stringify(parsed.value);
  return { doc: parsed.value, json, checksum: crc32(json) };
}

/** A stored text as it is, already valid (a revision or copy being made current again). */
export function preparedJson(doc: RDocument, json: string): Prepared {
  return { doc, json, checksum: crc32(json) };
}

/** Parses and validates a stored document; a failure names the dossier. */
export function loadJson(json: string, id: string, title: string, where: string): RDocument {
  let data: unknown;
  try {
    data = JSON.parse(json);
  } catch (e) {
    throw new StoreError('invalid-document', `The ${where} of dossier ${id}${title ? ` (“${title}”)` : ''} is damaged: it is not valid JSON (${(e as Error).message}).`, {
      id,
      issues: [{ path: '(document)', message: 'not valid JSON' }],
    });
  }
  const parsed = parseDocument(data);
  if (!parsed.ok) {
    const first = parsed.issues[0]!;
    throw new StoreError(
      'invalid-document',
      `The ${where} of dossier ${id}${title ? ` (“${title}”)` : ''} cannot be opened: it does not pass validation (${first.path}: ${first.message}${parsed.issues.length > 1 ? `, and ${parsed.issues.length - 1} more` : ''}).`,
      { id, issues: parsed.issues.slice(0, 50) },
    );
  }
  return parsed.value;
}

/** The current JSON of dossier `num`, checked against its checksum ('invalid-document' if the bytes were damaged on disk). */
export function currentJson(c: Connection, num: number, id: string, title: string): string {
  const d = c.q('SELECT checksum, json FROM documents WHERE dossier_num = ?').get(num) as { checksum: number; json: string };
  if (crc32(d.json) !== d.checksum) {
    throw new StoreError(
      'invalid-document',
      `The current text of dossier ${id}${title ? ` (“${title}”)` : ''} was damaged on disk (its checksum does not match). Its history is intact: restore its latest revision.`,
      { id, damaged: true },
    );
  }
  return d.json;
}

/** The row of dossier `id` ('not-found' when there is none). */
export function row(c: Connection, id: string): DossierRow {
  if (typeof id !== 'string') throw new StoreError('invalid-request', 'A dossier id is a string.', {});
  const r = c.q(`SELECT ${DOSSIER_COLUMNS} FROM dossiers d WHERE d.id = ?`).get(id) as DossierRow | undefined;
  if (!r) throw new StoreError('not-found', `There is no dossier ${id}.`, { id });
  return r;
}

export function summaryByNum(c: Connection, num: number): DossierSummary {
  return summaryOf(c.q(`SELECT ${DOSSIER_COLUMNS} FROM dossiers d WHERE d.num = ?`).get(num) as DossierRow);
}

/** Writes `p` as the current document of dossier `num`, bumps its version, and returns its new summary. */
export function writeCurrent(c: Connection, num: number, p: Prepared): DossierSummary {
  const f = documentFacts(p.doc);
  c.q('UPDATE documents SET checksum = ?, json = ? WHERE dossier_num = ?').run(p.checksum, p.json, num);
  return summaryOf(
    c.q(
      `UPDATE dossiers SET title = ?, title_key = ?, kind = ?, original_language = ?, languages = ?, symbols = ?,
         updated_at = ?, version = version + 1 WHERE num = ? RETURNING ${ROW_COLUMNS.join(', ')}`,
    ).get(f.title, f.titleKey, f.kind, f.originalLanguage, f.languages.join(','), JSON.stringify(f.symbols), c.now(), num) as DossierRow,
  );
}

/** Inserts a new dossier with `p` as its document (inside the caller's transaction). */
export function insertDossier(c: Connection, p: Prepared): { num: number; id: string } {
  const f = documentFacts(p.doc);
  const now = c.now();
  for (;;) {
    const id = newDossierId();
    if (c.q('SELECT 1 FROM dossiers WHERE id = ?').get(id)) continue;
    const { num } = c
      .q(
        `INSERT INTO dossiers (id, title, title_key, kind, original_language, languages, symbols, created_at, updated_at, version)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 1) RETURNING num`,
      )
      .get(id, f.title, f.titleKey, f.kind, f.originalLanguage, f.languages.join(','), JSON.stringify(f.symbols), now, now) as { num: number };
    c.q('INSERT INTO documents (dossier_num, checksum, json) VALUES (?, ?, ?)').run(num, p.checksum, p.json);
    return { num, id };
  }
}

// ---------------------------------------------------------------------------------------------
// Filters of lists and searches

function trashWhere(trash: TrashFilter | undefined): string | undefined {
  switch (trash ?? 'exclude') {
    case 'exclude':
      return 'd.trashed_at IS NULL';
    case 'only':
      return 'd.trashed_at IS NOT NULL';
    case 'include':
      return undefined;
  }
}

/** SQL conditions (on `dossiers d`) and their parameters for a kind, a language and the trash. */
export function filters(q: { kind?: string | undefined; language?: string | undefined; trash?: TrashFilter | undefined }): { where: string[]; params: Record<string, unknown> } {
  const where: string[] = [];
  const params: Record<string, unknown> = {};
  const t = trashWhere(q.trash);
  if (t) where.push(t);
  if (q.kind !== undefined) {
    where.push('d.kind = @kind');
    params.kind = q.kind;
  }
  if (q.language !== undefined) {
    where.push(`instr(',' || d.languages || ',', @lang) > 0`);
    params.lang = `,${q.language},`;
  }
  return { where, params };
}

/** A save or restore based on `base` when the stored version has moved on: nothing is written. */
export function conflictError(r: DossierRow, base: number): StoreError {
  return new StoreError(
    'conflict',
    `Dossier ${r.id} was changed elsewhere (another window or the command line) after this copy was opened: this copy is based on version ${base}, the saved dossier is at version ${r.version}. Nothing was overwritten; reload the dossier or save this text as a copy.`,
    { id: r.id, base, current: r.version, updatedAt: r.updated_at },
  );
}

/** A count or offset the caller gave (`fallback` when none); 'invalid-request' when it is not a whole number. */
export function positiveInt(n: number | undefined, fallback: number, what: string): number {
  if (n === undefined) return fallback;
  if (!Number.isInteger(n) || n < 0) throw new StoreError('invalid-request', `${what} must be a whole number of zero or more, not ${n}.`, {});
  return n;
}
