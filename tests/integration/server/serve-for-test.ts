/**
 * A team server in its own process, for the tests that kill it (SIGKILL) or run two of them:
 * `node --import tsx serve-for-test.ts <database url> [redis host:port]`. Prints "listening <url>".
 * It uses the tests' stand-in document mapping (helpers.ts); everything else is the real server.
 */
import pg from 'pg';
import { startTeamServer } from '../../../src/server/server';
import { textCodec } from './helpers';

const [url, redis] = process.argv.slice(2);
const pool = new pg.Pool({ connectionString: url, max: 8 });
const server = await startTeamServer({
  pool,
  codec: textCodec,
  host: '127.0.0.1',
  port: 0,
  storeDebounceMs: 60_000, // no compaction during the test: what survives comes from the log
  log: () => undefined,
  ...(redis ? { redis: { host: redis.split(':')[0]!, port: Number(redis.split(':')[1]) }, name: `test-${process.pid}` } : {}),
});
console.log(`listening ${server.url}`);
