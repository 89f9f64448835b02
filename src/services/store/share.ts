/**
 * The `.rapporteur` file: one dossier in one JSON file, to send a draft to a colleague or keep
 * it outside the library. Format version 1 (see docs/store.md):
 *
 *   { "format": "rapporteur", "formatVersion": 1, "exportedAt": ISO time, "generator": "Rapporteur",
 *     "dossier": { "title", "createdAt", "updatedAt" },
 *     "document": <the document>,
 *     "assets": [ { "name", "role", "mime", "sha256", "data": base64 } ],
 *     "history"?: { "revisions": [ { "seq", "createdAt", "reason", "label", "locked", "restoredFrom", "document": sha256 } ],
 *                   "documents": { sha256: <document> } } }
 *
 * Reading validates everything (the envelope, every document with the model's own validation,
 * every image against its checksum and type) and reports the first problems with their path.
 * Importing always makes a new dossier; nothing in the library is overwritten.
 */
import { z } from 'zod';
import type { RDocument } from '../../core/model/schema';
import { parseDocument, type ValidationIssue } from '../../core/model/validate';
import { revisionReasonSchema } from '../../shared/library';
import { ASSET_ROLES, checkImage, sha256, type AssetRole } from './assets';
import type { Connection } from './connection';
import { getDossier } from './dossiers';
import { parseJsonText } from '../../core/model/json-text';
import { StoreError } from './errors';
import { ensureBlob, history, recordRevision, revision } from './revisions';
import { insertDossier, prepare, row, summaryByNum } from './rows';
import type { DossierSummary, RevisionReason } from './types';

export const RAPPORTEUR_FORMAT = 'rapporteur';
export const RAPPORTEUR_FORMAT_VERSION = 1;
export const RAPPORTEUR_EXTENSION = '.rapporteur';

const isoTime = z.string().refine((s) => !Number.isNaN(Date.parse(s)), 'a date and time in ISO 8601, e.g. 2026-03-12T10:30:00.000Z');
const hashSchema = z.string().regex(/^[0-9a-f]{64}$/, 'a SHA-256 in lower-case hex');

const envelopeSchema = z
  .object({
    format: z.literal(RAPPORTEUR_FORMAT),
    formatVersion: z.number().int(),
    exportedAt: isoTime,
    generator: z.string().optional(),
    dossier: z.object({ title: z.string(), createdAt: isoTime, updatedAt: isoTime }).strict(),
    document: z.unknown(),
    assets: z.array(
      z
        .object({
          name: z.string(),
          role: z.enum(ASSET_ROLES),
          mime: z.string(),
          sha256: hashSchema,
          data: z.string().regex(/^[A-Za-z0-9+/]*={0,2}$/, 'base64 data'),
        })
        .strict(),
    ),
    history: z
      .object({
        revisions: z.array(
          z
            .object({
              seq: z.number().int().positive(),
              createdAt: isoTime,
              reason: revisionReasonSchema,
              label: z.string().nullable(),
              locked: z.boolean(),
              restoredFrom: z.number().int().positive().nullable(),
              document: hashSchema,
            })
            .strict(),
        ),
        documents: z.record(hashSchema, z.unknown()),
      })
      .strict()
      .optional(),
  })
  .strict();

export type RapporteurFile = {
  format: typeof RAPPORTEUR_FORMAT;
  formatVersion: number;
  exportedAt: string;
  generator?: string | undefined;
  dossier: { title: string; createdAt: string; updatedAt: string };
  document: RDocument;
  assets: { name: string; role: AssetRole; mime: string; sha256: string; data: string }[];
  history?:
    | {
        revisions: { seq: number; createdAt: string; reason: RevisionReason; label: string | null; locked: boolean; restoredFrom: number | null; document: string }[];
        documents: Record<string, RDocument>;
      }
    | undefined;
};

/** What an import brings in, validated and decoded. */
export type ImportPayload = {
  source: 'document' | 'rapporteur';
  document: RDocument;
  assets: { name: string; role: AssetRole; mime: string; bytes: Buffer }[];
  /** Revisions in order, with the numbers they had (so "revision 12" means the same text after import). */
  history: { seq: number; createdAt: number; reason: RevisionReason; label: string | null; locked: boolean; restoredFrom: number | null; document: RDocument }[];
};

function joinPath(prefix: string, path: string): string {
  if (prefix === '(document)' || path === '(document)') return prefix === '(document)' ? path : prefix;
  return path.startsWith('[') ? `${prefix}${path}` : `${prefix}.${path}`;
}

function invalid(what: string, issues: ValidationIssue[], code: 'invalid-document' | 'invalid-file'): StoreError {
  const [first, ...rest] = issues;
  const more = rest.length > 0 ? ` (and ${rest.length} more problem${rest.length > 1 ? 's' : ''})` : '';
  return new StoreError(code, `${what}: ${first?.path ?? '(file)'}: ${first?.message ?? 'invalid'}${more}. Nothing was imported.`, { issues: issues.slice(0, 50) });
}

function documentAt(value: unknown, prefix: string, what: string): RDocument {
  const parsed = parseDocument(value);
  if (!parsed.ok) throw invalid(what, parsed.issues.map((i) => ({ path: joinPath(prefix, i.path), message: i.message })), 'invalid-document');
  return parsed.value;
}

/**
 * Reads what `db import` accepts: a `.rapporteur` file or a bare document JSON. `name` is used in
 * messages. Throws 'invalid-file' (not JSON, not a .rapporteur envelope, a damaged image) or
 * 'invalid-document' (a document that fails validation, with its path).
 */
export function readImport(text: string, name = 'the file'): ImportPayload {
  const read = parseJsonText(text);
  if (!read.ok) throw new StoreError('invalid-file', `${name}: ${read.message}. Nothing was imported.`, {});
  const data = read.value;
  if (typeof data !== 'object' || data === null || Array.isArray(data)) {
    throw new StoreError('invalid-file', `${name} is neither a Rapporteur document nor a .rapporteur file. Nothing was imported.`, {});
  }
  if ((data as { format?: unknown }).format !== RAPPORTEUR_FORMAT) {
    return { source: 'document', document: documentAt(data, '(document)', `${name} is not a valid document`), assets: [], history: [] };
  }
  const version = (data as { formatVersion?: unknown }).formatVersion;
  if (typeof version === 'number' && version > RAPPORTEUR_FORMAT_VERSION) {
    throw new StoreError('invalid-file', `${name} was written by a newer version of Rapporteur (file format ${version}). Update Rapporteur to import it.`, { version });
  }
  const env = envelopeSchema.safeParse(data);
  if (!env.success) {
    throw invalid(
      `${name} is not a valid .rapporteur file`,
      env.error.issues.map((i) => ({ path: i.path.length ? i.path.map((p) => (typeof p === 'number' ? `[${p}]` : `.${String(p)}`)).join('').replace(/^\./, '') : '(file)', message: i.message })),
      'invalid-file',
    );
  }
  const file = env.data;
  if (file.formatVersion !== RAPPORTEUR_FORMAT_VERSION) {
    throw new StoreError('invalid-file', `${name} has an unknown file format version (${file.formatVersion}). Nothing was imported.`, {});
  }
  const document = documentAt(file.document, 'document', `${name} holds an invalid document`);

  const names = new Set<string>();
  const assets = file.assets.map((a, i) => {
    const bytes = Buffer.from(a.data, 'base64');
    if (sha256(bytes) !== a.sha256) {
      throw new StoreError('invalid-file', `${name}: assets[${i}] (${a.name}) is damaged: its checksum does not match. Nothing was imported.`, { asset: a.name });
    }
    if (names.has(a.name)) throw new StoreError('invalid-file', `${name}: assets[${i}]: two images are named "${a.name}". Nothing was imported.`, {});
    names.add(a.name);
    try {
      checkImage(a.name, a.role, bytes, a.mime);
    } catch (e) {
      throw new StoreError('invalid-file', `${name}: assets[${i}]: ${(e as Error).message} Nothing was imported.`, { asset: a.name });
    }
    return { name: a.name, role: a.role, mime: a.mime, bytes };
  });

  const history: ImportPayload['history'] = [];
  if (file.history) {
    const docs = new Map<string, RDocument>();
    const revisions = [...file.history.revisions].sort((a, b) => a.seq - b.seq);
    revisions.forEach((r, i) => {
      const index = file.history!.revisions.indexOf(r);
      if (i > 0 && revisions[i - 1]!.seq === r.seq) {
        throw new StoreError('invalid-file', `${name}: history.revisions[${index}]: revision ${r.seq} appears twice. Nothing was imported.`, {});
      }
      let doc = docs.get(r.document);
      if (!doc) {
        if (!(r.document in file.history!.documents)) {
          throw new StoreError('invalid-file', `${name}: history.revisions[${index}] refers to a document that is not in the file. Nothing was imported.`, {});
        }
        doc = documentAt(file.history!.documents[r.document], `history.documents.${r.document}`, `${name} holds an invalid revision`);
        docs.set(r.document, doc);
      }
      history.push({ seq: r.seq, createdAt: Date.parse(r.createdAt), reason: r.reason, label: r.label, locked: r.locked, restoredFrom: r.restoredFrom, document: doc });
    });
  }
  return { source: 'rapporteur', document, assets, history };
}

/** A file name for an export: the title, made safe, with the extension. */
export function exportFileName(title: string, id: string, extension: string = RAPPORTEUR_EXTENSION): string {
  const base = title
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .replace(/[^A-Za-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60);
  return `${base || 'dossier'}-${id}${extension}`;
}

// ---------------------------------------------------------------------------------------------
// A dossier out of the library, and in

/**
 * The dossier as a `.rapporteur` file (an object: write it with JSON.stringify). History only
 * with `history`; signature images only with `signatures`.
 */
export function exportDossier(c: Connection, id: string, opts: { history?: boolean; signatures?: boolean } = {}): RapporteurFile {
  const dossier = getDossier(c, id);
  const iso = (ms: number) => new Date(ms).toISOString();
  const assets = c
    .read(() => {
      const r = row(c, id);
      return c
        .q(`SELECT da.name, da.role, a.mime, a.hash, a.data FROM dossier_assets da JOIN assets a ON a.hash = da.asset_hash WHERE da.dossier_num = ? ORDER BY da.name`)
        .all(r.num) as { name: string; role: AssetRole; mime: string; hash: string; data: Buffer }[];
    })
    .filter((a) => a.role !== 'signature' || opts.signatures === true)
    .map((a) => ({ name: a.name, role: a.role, mime: a.mime, sha256: a.hash, data: a.data.toString('base64') }));
  const file: RapporteurFile = {
    format: RAPPORTEUR_FORMAT,
    formatVersion: RAPPORTEUR_FORMAT_VERSION,
    exportedAt: iso(c.now()),
    generator: 'Rapporteur',
    dossier: { title: dossier.title, createdAt: iso(dossier.createdAt), updatedAt: iso(dossier.updatedAt) },
    document: dossier.document,
    assets,
  };
  if (opts.history) {
    const revisions = history(c, id).reverse();
    const documents: Record<string, RDocument> = {};
    for (const rev of revisions) {
      if (!(rev.hash in documents)) documents[rev.hash] = revision(c, id, rev.seq).document;
    }
    file.history = {
      revisions: revisions.map((r) => ({
        seq: r.seq,
        createdAt: iso(r.createdAt),
        reason: r.reason,
        label: r.label,
        locked: r.locked,
        restoredFrom: r.restoredFrom,
        document: r.hash,
      })),
      documents,
    };
  }
  return file;
}

/** Imports a read `.rapporteur` file or bare document as a NEW dossier; nothing existing is touched. */
export function importPayload(c: Connection, payload: ImportPayload): DossierSummary {
  const current = prepare(payload.document);
  const past = payload.history.map((h) => {
    const prepared = prepare(h.document);
    return { ...h, prepared, hash: sha256(prepared.json) };
  });
  return c.tx(() => {
    const { num } = insertDossier(c, current);
    const insert = c.q(`INSERT INTO revisions (dossier_num, seq, created_at, reason, label, blob_hash, restored_from, locked) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`);
    for (const h of past) {
      ensureBlob(c, h.hash, h.prepared.json);
      insert.run(num, h.seq, h.createdAt, h.reason, h.label, h.hash, h.restoredFrom, h.locked ? 1 : 0);
    }
    recordRevision(c, num, 'imported', { force: true });
    for (const a of payload.assets) {
      const hash = sha256(a.bytes);
      c.q('INSERT OR IGNORE INTO assets (hash, mime, size, data, created_at) VALUES (?, ?, ?, ?, ?)').run(hash, a.mime, a.bytes.length, a.bytes, c.now());
      c.q('INSERT INTO dossier_assets (dossier_num, name, asset_hash, role) VALUES (?, ?, ?, ?)').run(num, a.name, hash, a.role);
    }
    return summaryByNum(c, num);
  });
}
