/** Every migration, in order. Add a file per new schema version and list it here. */
import { migration001 } from './001_initial';
import { migration002 } from './002_search';
import { migration003 } from './003_memory';
import { migration004 } from './004_team';
import type { Migration } from './types';

export type { Migration } from './types';

export const MIGRATIONS: readonly Migration[] = [migration001, migration002, migration003, migration004];

/** The schema version this build of Rapporteur writes. */
export const LATEST_VERSION = MIGRATIONS[MIGRATIONS.length - 1]!.version;
