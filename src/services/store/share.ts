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
import { parseJsonText } from '../../core/model/json-text';
import { checkImage, sha256 } from './assets';
import { StoreError } from './errors';
import type { AssetRole, RevisionReason } from './types';

export const RAPPORTEUR_FORMAT = 'rapporteur';
export const RAPPORTEUR_FORMAT_VERSION = 1;
export const RAPPORTEUR_EXTENSION = '.rapporteur';

const isoTime = z.string().refine((s) => !Number.isNaN(Date.parse(s)), 'a date and time in ISO 8601, e.g. 2026-03-12T10:30:00.000Z');
const hashSchema = z.string().regex(/^[0-9a-f]{64}$/, 'a SHA-256 in lower-case hex');
const reasonSchema = z.enum(['created', 'imported', 'copied', 'auto', 'close', 'named', 'final', 'restore']);

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
          role: z.enum(['image', 'letterhead', 'signature']),
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
              reason: reasonSchema,
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
