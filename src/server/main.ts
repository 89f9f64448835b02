/**
 * `npm run server -- …`: the team server, and its administration (see config.ts for the options).
 * Prints "listening <url>" once it accepts connections; stops cleanly (pending stores flushed)
 * on SIGINT or SIGTERM. Bad options and an unusable database are one-line refusals, exit 1.
 */
import { counted } from '../core/locale/counted';
import '../../scripts/require-node.mjs';
import pg from 'pg';
import { parseServerArgs, ConfigError } from './config';
import { migrate, NewerDatabaseError } from './db/migrate';
import { createInvitation, revokePerson } from './access';
import { lexicalCodec } from './lexical-codec';
import { startTeamServer } from './server';

function die(message: string): never {
  console.error(`rapporteur-server: ${message}`);
  process.exit(1);
}

let config;
try {
  config = parseServerArgs(process.argv.slice(2));
} catch (e) {
  if (e instanceof ConfigError) die(e.message);
  throw e;
}

const pool = new pg.Pool({ connectionString: config.database, max: 16 });
pool.on('error', (e) => console.error(`rapporteur-server: database: ${e.message}`));
try {
  await migrate(pool);
} catch (e) {
  await pool.end().catch(() => undefined);
  if (e instanceof NewerDatabaseError) die(e.message);
  const err = e as NodeJS.ErrnoException & { code?: string };
  die(`cannot use the database ${config.database.replace(/\/\/[^@/]*@/, '//…@')}: ${err.code === 'ECONNREFUSED' ? 'nothing answers at that address' : err.message}`);
}

switch (config.command) {
  case 'invite': {
    const code = await createInvitation(pool, { name: config.name, ...(config.hours !== undefined ? { hours: config.hours } : {}) });
    console.log(code);
    console.error(`An invitation for ${config.name}: give them this code, to paste in Rapporteur's settings (Team server). It works once.`);
    await pool.end();
    break;
  }
  case 'people': {
    const r = await pool.query<{ id: string; name: string; tokens: number }>(
      'SELECT p.id, p.name, count(t.hash) FILTER (WHERE t.revoked_at IS NULL)::int AS tokens FROM people p LEFT JOIN tokens t ON t.person_id = p.id GROUP BY p.id ORDER BY p.name',
    );
    for (const p of r.rows) console.log(`${p.id}\t${p.name}\t${counted(p.tokens, 'active token', 'active tokens')}`);
    await pool.end();
    break;
  }
  case 'revoke': {
    const n = await revokePerson(pool, config.person);
    console.log(`${counted(n, 'token', 'tokens')} revoked for ${config.person}; their open connections close when the running server next checks (restart it, or use the API).`);
    await pool.end();
    break;
  }
  case 'serve': {
    const server = await startTeamServer({
      pool,
      codec: lexicalCodec,
      host: config.host,
      port: config.port,
      ...(config.tls ? { tls: config.tls } : {}),
      ...(config.redis ? { redis: config.redis } : {}),
      ...(config.name ? { name: config.name } : {}),
    });
    console.log(`listening ${server.url}`);
    let stopping = false;
    const stop = () => {
      if (stopping) return;
      stopping = true;
      void server.close().then(() => pool.end()).then(() => process.exit(0));
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
    break;
  }
}
