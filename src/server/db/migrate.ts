/**
 * Brings the team server's database to the current schema: the pending migrations in one
 * transaction, under an advisory lock so that several server instances starting at once migrate
 * once. A database written by a newer server is refused untouched, with a sentence.
 */
import type { Pool } from 'pg';
import { SERVER_MIGRATIONS, SERVER_SCHEMA_VERSION } from './migrations/index';

const LOCK = 0x52_41_50_50; // "RAPP"

export class NewerDatabaseError extends Error {}

export async function migrate(pool: Pool): Promise<{ from: number; to: number }> {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    await client.query('SELECT pg_advisory_xact_lock($1)', [LOCK]);
    await client.query('CREATE TABLE IF NOT EXISTS schema_version (version integer NOT NULL)');
    const row = (await client.query<{ version: number }>('SELECT version FROM schema_version')).rows[0];
    const from = row?.version ?? 0;
    if (from > SERVER_SCHEMA_VERSION) {
      throw new NewerDatabaseError(
        `This database was written by a newer Rapporteur team server (schema ${from}; this one knows up to ${SERVER_SCHEMA_VERSION}): run the newer server, or use another database.`,
      );
    }
    for (const m of SERVER_MIGRATIONS) if (m.version > from) await client.query(m.sql);
    if (row) await client.query('UPDATE schema_version SET version = $1', [SERVER_SCHEMA_VERSION]);
    else await client.query('INSERT INTO schema_version (version) VALUES ($1)', [SERVER_SCHEMA_VERSION]);
    await client.query('COMMIT');
    return { from, to: SERVER_SCHEMA_VERSION };
  } catch (e) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw e;
  } finally {
    client.release();
  }
}
