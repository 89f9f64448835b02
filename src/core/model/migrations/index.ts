/**
 * The chain of document-format migrations: one step per version change, one file per step, run in
 * order from the version a document was written in up to the version this build writes
 * (SCHEMA_VERSION). Every reader of stored or shared documents goes through it, by way of
 * `parseDocument` (../validate.ts): `validate`, the importers of document JSON and `.rapporteur`
 * files, the IPC contract, and the store when it reads a current text or a revision. Stored
 * revisions are checksummed, so they are migrated when read and never rewritten.
 *
 * A step takes the JSON of its version and gives the JSON of the next one; it does not validate
 * (the schema does, afterwards, with exact paths) and never throws on an odd shape.
 */
import { SCHEMA_VERSION } from '../schema';
import { isObject, type JsonObject, type MigrationStep } from './types';
import { v1ToV2 } from './v1-to-v2';

export const MIGRATIONS: readonly MigrationStep[] = [{ from: 1, migrate: v1ToV2 }];

export type Migrated =
  | { ok: true; value: unknown; from: number | undefined }
  | { ok: false; message: string };

/**
 * Brings a document's JSON to the current version. Leaves alone what is not a versioned object
 * (the schema reports it); refuses a version newer than this build with a clear message.
 */
export function migrateDocument(input: unknown): Migrated {
  if (!isObject(input) || typeof input.schemaVersion !== 'number' || !Number.isInteger(input.schemaVersion)) {
    return { ok: true, value: input, from: undefined };
  }
  const from = input.schemaVersion;
  if (from > SCHEMA_VERSION) {
    return {
      ok: false,
      message: `schema version ${from} is newer than this version of Rapporteur understands (${SCHEMA_VERSION}): open the document with a newer Rapporteur`,
    };
  }
  let doc: JsonObject = input;
  for (let v = from; v < SCHEMA_VERSION; v++) {
    const step = MIGRATIONS.find((m) => m.from === v);
    if (!step) return { ok: false, message: `schema version ${from} cannot be read: there is no migration from version ${v}` };
    doc = step.migrate(doc);
  }
  return { ok: true, value: doc, from };
}
