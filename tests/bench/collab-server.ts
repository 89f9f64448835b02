/**
 * A server process for the collaboration bench: `node --import tsx collab-server.ts team <db url>`
 * (the team server: auth, the durable log, write-back) or `… relay <initial-state file>` (bare
 * Hocuspocus relaying in memory: no persistence, no validation). Prints "listening <ws url>"; on
 * "report" on stdin prints its CPU time and peak memory as JSON.
 */
import { readFileSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { Server } from '@hocuspocus/server';
import pg from 'pg';
import * as Y from 'yjs';
import { lexicalCodec } from '../../src/server/lexical-codec';
import { startTeamServer } from '../../src/server/server';

const [mode, arg] = process.argv.slice(2);
let url: string;
if (mode === 'team') {
  const pool = new pg.Pool({ connectionString: arg, max: 16 });
  const server = await startTeamServer({ pool, codec: lexicalCodec, host: '127.0.0.1', port: 0, log: () => undefined, rate: { burst: 10_000, perSecond: 10_000 } });
  url = `${server.url.replace(/^http/, 'ws')}/collab`;
} else {
  const initial = new Uint8Array(readFileSync(arg!));
  const server = new Server({
    port: 0,
    address: '127.0.0.1',
    quiet: true,
    async onLoadDocument({ document }) {
      Y.applyUpdate(document, initial);
      return document;
    },
  });
  await server.listen();
  url = `ws://127.0.0.1:${server.address.port}`;
}
const start = process.cpuUsage();
let peak = process.memoryUsage().rss;
setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 200).unref();
console.log(`listening ${url}`);
createInterface({ input: process.stdin }).on('line', (line) => {
  if (line.trim() !== 'report') return;
  const cpu = process.cpuUsage(start);
  console.log(JSON.stringify({ cpuMs: (cpu.user + cpu.system) / 1000, peakRssMb: peak / 1024 / 1024 }));
});
