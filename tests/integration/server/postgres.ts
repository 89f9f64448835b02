/**
 * A throwaway PostgreSQL cluster for the team server's tests: initdb into a fresh temporary
 * folder, started on a free loopback port, removed afterwards. Debian's packages
 * (`postgresql`, installed by .ci/run) are found under /usr/lib/postgresql/<version>/bin, or in
 * $PG_BIN. PostgreSQL refuses to run as root, so as root the cluster runs as the `postgres` user
 * the package creates (its folder is made for that user; nothing depends on where the checkout is).
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir, userInfo } from 'node:os';
import { join } from 'node:path';

export type Postgres = { url: (database?: string) => string; port: number; stop: () => void };

/** The folder of initdb / pg_ctl, or undefined (with the reason) when PostgreSQL is not installed. */
export function postgresBin(): { bin: string } | { missing: string } {
  const given = process.env['PG_BIN'];
  if (given) return existsSync(join(given, 'initdb')) ? { bin: given } : { missing: `PG_BIN=${given} has no initdb` };
  const base = '/usr/lib/postgresql';
  const versions = existsSync(base) ? readdirSync(base).filter((v) => existsSync(join(base, v, 'bin', 'initdb'))) : [];
  versions.sort((a, b) => Number(b) - Number(a));
  return versions[0] ? { bin: join(base, versions[0], 'bin') } : { missing: 'PostgreSQL is not installed (apt-get install postgresql, or set PG_BIN); .ci/run installs it' };
}

/** A free port on loopback (asked of the system, then released). */
export function freePort(): Promise<number> {
  return new Promise((ok, ko) => {
    const s = createServer();
    s.once('error', ko);
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => ok(port));
    });
  });
}

export async function startPostgres(): Promise<Postgres> {
  const found = postgresBin();
  if ('missing' in found) throw new Error(found.missing);
  const asRoot = userInfo().uid === 0;
  const dir = mkdtempSync(join(tmpdir(), 'rapporteur-pg-'));
  const data = join(dir, 'data');
  const run = (cmd: string, args: string[]) => {
    const full = asRoot ? ['runuser', ['-u', 'postgres', '--', join(found.bin, cmd), ...args]] as const : [join(found.bin, cmd), args] as const;
    const r = spawnSync(full[0], full[1], { encoding: 'utf8', cwd: dir });
    if (r.error) throw new Error(`${cmd} could not start: ${r.error.message}`);
    if (r.status !== 0) throw new Error(`${cmd} failed (${r.status}): ${r.stderr || r.stdout}`);
  };
  if (asRoot) {
    const uid = Number(execFileSync('id', ['-u', 'postgres'], { encoding: 'utf8' }).trim());
    const gid = Number(execFileSync('id', ['-g', 'postgres'], { encoding: 'utf8' }).trim());
    chownSync(dir, uid, gid);
  }
  const port = await freePort();
  run('initdb', ['-D', data, '-U', 'rapporteur', '--auth=trust', '--encoding=UTF8', '--no-locale', '--no-sync']);
  run('pg_ctl', ['-D', data, '-w', '-t', '60', '-l', join(dir, 'log'), '-o', `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off`, 'start']);
  const url = (database = 'postgres') => `postgres://rapporteur@127.0.0.1:${port}/${database}`;
  return {
    url,
    port,
    stop: () => {
      try {
        run('pg_ctl', ['-D', data, '-w', '-m', 'immediate', 'stop']);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
  };
}
