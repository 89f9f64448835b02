/**
 * The team server for the end-to-end tests: a throwaway PostgreSQL cluster
 * (tests/integration/server/postgres.ts), the real server (`npm run server`, with the editor's
 * own Lexical mapping) in a process of its own on a free loopback port, its administration
 * commands (invite, people, revoke), and a TCP relay between one page and the server that the
 * test can cut and restore, as a network that drops and comes back.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { createServer, connect, type Server, type Socket } from 'node:net';
import { join } from 'node:path';
import pg from 'pg';
import { root } from './app-host';
import { freePort, startPostgres, type Postgres } from '../integration/server/postgres';

export type TeamServer = { url: string; port: number; database: string; invite: (name: string) => string; personId: (name: string) => string; revoke: (personId: string) => void; stop: () => Promise<void> };

function admin(database: string, ...args: string[]): string {
  const r = spawnSync(process.execPath, ['--import', 'tsx', join(root, 'src', 'server', 'main.ts'), ...args, '--database', database], { cwd: root, encoding: 'utf8', timeout: 60_000 });
  if (r.status !== 0) throw new Error(`server ${args[0]} failed (${r.status}): ${r.stderr}`);
  return r.stdout.trim();
}

export async function startTeamServer(): Promise<TeamServer> {
  const pgc: Postgres = await startPostgres();
  const name = `e2e${process.pid}`;
  const c = new pg.Client({ connectionString: pgc.url() });
  await c.connect();
  await c.query(`CREATE DATABASE ${name}`);
  await c.end();
  const database = pgc.url(name);
  const port = await freePort();
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', join(root, 'src', 'server', 'main.ts'), '--database', database, '--port', String(port)], { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  child.stdout!.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr!.on('data', (d: Buffer) => (out += d.toString()));
  await new Promise<void>((ok, ko) => {
    const timer = setTimeout(() => ko(new Error(`the team server did not start within 60 s:\n${out}`)), 60_000);
    const check = () => {
      if (/^listening /m.test(out)) {
        clearTimeout(timer);
        ok();
      }
    };
    child.stdout!.on('data', check);
    child.once('exit', (code) => {
      clearTimeout(timer);
      ko(new Error(`the team server exited (${code}):\n${out}`));
    });
  });
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    database,
    invite: (person) => admin(database, 'invite', '--name', person).split('\n').pop()!.trim(),
    personId: (person) => {
      const line = admin(database, 'people').split('\n').find((l) => l.split('\t')[1] === person);
      if (!line) throw new Error(`no person named ${person}`);
      return line.split('\t')[0]!;
    },
    revoke: (personId) => void admin(database, 'revoke', '--person', personId),
    stop: async () => {
      if (child.exitCode === null) {
        const exited = new Promise((ok) => child.once('exit', ok));
        child.kill('SIGTERM');
        await Promise.race([exited, new Promise((ok) => setTimeout(ok, 10_000))]);
        if (child.exitCode === null) child.kill('SIGKILL');
      }
      pgc.stop();
    },
  };
}

/** A TCP relay on its own loopback port to `target`; `cut()` drops every connection and refuses new ones until `restore()`. */
export type Relay = { url: string; cut: () => Promise<void>; restore: () => Promise<void>; close: () => Promise<void> };

export async function startRelay(targetPort: number): Promise<Relay> {
  const port = await freePort();
  const sockets = new Set<Socket>();
  let server: Server | undefined;
  const listen = () =>
    new Promise<void>((ok, ko) => {
      server = createServer((inbound) => {
        const outbound = connect(targetPort, '127.0.0.1');
        for (const s of [inbound, outbound]) {
          sockets.add(s);
          s.on('close', () => sockets.delete(s));
          s.on('error', () => undefined);
        }
        inbound.pipe(outbound);
        outbound.pipe(inbound);
      });
      server.once('error', ko);
      server.listen(port, '127.0.0.1', () => ok());
    });
  const cut = async () => {
    const s = server;
    server = undefined;
    if (s) await new Promise<void>((ok) => {
      s.close(() => ok());
      for (const socket of sockets) socket.destroy();
    });
  };
  await listen();
  return { url: `http://127.0.0.1:${port}`, cut, restore: listen, close: cut };
}
