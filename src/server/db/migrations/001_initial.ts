/**
 * Team server, schema version 1: people and their tokens (stored hashed), invitations, shared
 * dossiers with a role per person, each shared document's Yjs state (a compacted state plus the
 * updates received since, each written before the client is told it is saved), and the model
 * revisions written back from it.
 */
import type { ServerMigration } from './types';

export const migration001: ServerMigration = {
  version: 1,
  name: 'initial',
  sql: `
    CREATE TABLE people (
      id text PRIMARY KEY,
      name text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
      created_at timestamptz NOT NULL DEFAULT now()
    );
    CREATE TABLE tokens (
      hash bytea PRIMARY KEY,
      person_id text NOT NULL REFERENCES people (id) ON DELETE CASCADE,
      created_at timestamptz NOT NULL DEFAULT now(),
      revoked_at timestamptz
    );
    CREATE INDEX tokens_person ON tokens (person_id);
    CREATE TABLE dossiers (
      id text PRIMARY KEY,
      title text NOT NULL,
      languages text[] NOT NULL,
      created_by text NOT NULL REFERENCES people (id),
      created_at timestamptz NOT NULL DEFAULT now()
    );
    CREATE TABLE memberships (
      dossier_id text NOT NULL REFERENCES dossiers (id) ON DELETE CASCADE,
      person_id text NOT NULL REFERENCES people (id) ON DELETE CASCADE,
      role text NOT NULL CHECK (role IN ('editor', 'commenter', 'reader')),
      PRIMARY KEY (dossier_id, person_id)
    );
    CREATE TABLE invitations (
      hash bytea PRIMARY KEY,
      dossier_id text REFERENCES dossiers (id) ON DELETE CASCADE,
      role text CHECK (role IN ('editor', 'commenter', 'reader')),
      name text,
      created_by text REFERENCES people (id),
      created_at timestamptz NOT NULL DEFAULT now(),
      expires_at timestamptz NOT NULL,
      redeemed_by text REFERENCES people (id),
      redeemed_at timestamptz,
      CHECK ((dossier_id IS NULL) = (role IS NULL))
    );
    CREATE TABLE ydoc_states (
      doc_name text PRIMARY KEY,
      dossier_id text NOT NULL REFERENCES dossiers (id) ON DELETE CASCADE,
      state bytea NOT NULL,
      last_update bigint NOT NULL DEFAULT 0,
      updated_at timestamptz NOT NULL DEFAULT now()
    );
    CREATE TABLE ydoc_updates (
      seq bigserial PRIMARY KEY,
      doc_name text NOT NULL REFERENCES ydoc_states (doc_name) ON DELETE CASCADE,
      person_id text NOT NULL REFERENCES people (id),
      update bytea NOT NULL,
      received_at timestamptz NOT NULL DEFAULT now()
    );
    CREATE INDEX ydoc_updates_doc ON ydoc_updates (doc_name, seq);
    CREATE TABLE revisions (
      dossier_id text NOT NULL REFERENCES dossiers (id) ON DELETE CASCADE,
      seq integer NOT NULL,
      hash text NOT NULL,
      document jsonb NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (dossier_id, seq)
    );
  `,
};
