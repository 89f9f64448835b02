/** Every schema version of the team server, in order (one file per version). */
import { migration001 } from './001_initial';
import type { ServerMigration } from './types';

export const SERVER_MIGRATIONS: readonly ServerMigration[] = [migration001];
export const SERVER_SCHEMA_VERSION = SERVER_MIGRATIONS.length;
