/** One step of the team server's PostgreSQL schema, run inside the transaction of db/migrate.ts. */
export type ServerMigration = { version: number; name: string; sql: string };
