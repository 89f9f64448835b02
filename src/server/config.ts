/**
 * The team server's command line:
 *
 *   npm run server -- --database postgres://… [--host 127.0.0.1] [--port 8484]
 *                     [--tls-cert FILE --tls-key FILE | --behind-proxy] [--redis HOST:PORT] [--name NAME]
 *   npm run server -- invite --database postgres://… --name "Full Name"     a code to join the server
 *   npm run server -- people --database postgres://…                        who has access
 *   npm run server -- revoke --database postgres://… --person ID            a lost laptop: tokens revoked
 *
 * Listening beyond loopback needs TLS: certificate files, or --behind-proxy when a reverse proxy
 * terminates TLS in front of it (docs/team-server.md).
 */
import { readFileSync } from 'node:fs';
import { isIP } from 'node:net';

export type ServeConfig = {
  command: 'serve';
  database: string;
  host: string;
  port: number;
  tls: { cert: Buffer; key: Buffer } | undefined;
  redis: { host: string; port: number } | undefined;
  name: string | undefined;
};
export type AdminConfig =
  | { command: 'invite'; database: string; name: string; hours: number | undefined }
  | { command: 'people'; database: string }
  | { command: 'revoke'; database: string; person: string };

export class ConfigError extends Error {}

export const DEFAULT_PORT = 8484;
const LOOPBACK = new Set(['127.0.0.1', '::1', 'localhost']);

export function parseServerArgs(argv: readonly string[], env: Record<string, string | undefined> = process.env): ServeConfig | AdminConfig {
  const args = [...argv];
  const command = args[0] && !args[0].startsWith('--') ? args.shift()! : 'serve';
  const flags = new Map<string, string | true>();
  while (args.length > 0) {
    const a = args.shift()!;
    if (!a.startsWith('--')) throw new ConfigError(`unexpected argument "${a.slice(0, 40)}"`);
    const name = a.slice(2);
    if (name === 'behind-proxy') flags.set(name, true);
    else {
      const v = args.shift();
      if (v === undefined || v.startsWith('--')) throw new ConfigError(`--${name} needs a value`);
      flags.set(name, v);
    }
  }
  const str = (n: string) => {
    const v = flags.get(n);
    return typeof v === 'string' ? v : undefined;
  };
  const known = { serve: ['database', 'host', 'port', 'tls-cert', 'tls-key', 'behind-proxy', 'redis', 'name'], invite: ['database', 'name', 'hours'], people: ['database'], revoke: ['database', 'person'] } as const;
  if (!(command in known)) throw new ConfigError(`unknown command "${command.slice(0, 40)}" (serve, invite, people, revoke)`);
  for (const f of flags.keys()) if (!(known[command as keyof typeof known] as readonly string[]).includes(f)) throw new ConfigError(`--${f} does not go with "${command}"`);
  const database = str('database') ?? env['RAPPORTEUR_DATABASE_URL'];
  if (!database) throw new ConfigError('--database postgres://user@host/db is needed (or RAPPORTEUR_DATABASE_URL)');
  if (!/^postgres(ql)?:\/\//.test(database)) throw new ConfigError('--database must be a postgres:// address');

  if (command === 'invite') {
    const name = str('name');
    if (!name) throw new ConfigError('invite needs --name "Full Name"');
    const h = str('hours');
    const hours = h === undefined ? undefined : Number(h);
    if (hours !== undefined && !(hours > 0 && hours <= 24 * 90)) throw new ConfigError('--hours must be between 0 and 2160');
    return { command, database, name, hours };
  }
  if (command === 'people') return { command, database };
  if (command === 'revoke') {
    const person = str('person');
    if (!person) throw new ConfigError('revoke needs --person ID (see "people")');
    return { command, database, person };
  }

  const host = str('host') ?? '127.0.0.1';
  if (host !== 'localhost' && isIP(host) === 0) throw new ConfigError(`--host must be an IP address, not "${host.slice(0, 60)}"`);
  const portText = str('port') ?? String(DEFAULT_PORT);
  const port = Number(portText);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new ConfigError(`--port must be a number from 0 to 65535, not "${portText.slice(0, 20)}"`);
  const certFile = str('tls-cert');
  const keyFile = str('tls-key');
  if ((certFile === undefined) !== (keyFile === undefined)) throw new ConfigError('--tls-cert and --tls-key go together');
  let tls: ServeConfig['tls'];
  if (certFile && keyFile) {
    const read = (f: string, what: string) => {
      try {
        return readFileSync(f);
      } catch (e) {
        throw new ConfigError(`cannot read the TLS ${what} ${f}: ${(e as NodeJS.ErrnoException).code ?? String(e)}`);
      }
    };
    tls = { cert: read(certFile, 'certificate'), key: read(keyFile, 'key') };
  }
  if (!LOOPBACK.has(host) && !tls && !flags.has('behind-proxy')) {
    throw new ConfigError(`listening on ${host} (beyond this machine) needs TLS: --tls-cert and --tls-key, or --behind-proxy when a reverse proxy terminates TLS`);
  }
  let redis: ServeConfig['redis'];
  const r = str('redis');
  if (r !== undefined) {
    const m = /^([A-Za-z0-9.-]+|\[[0-9a-fA-F:]+\]):(\d{1,5})$/.exec(r);
    if (!m) throw new ConfigError('--redis is HOST:PORT, e.g. 127.0.0.1:6379');
    redis = { host: m[1]!.replace(/^\[|\]$/g, ''), port: Number(m[2]) };
  }
  return { command: 'serve', database, host, port, tls, redis, name: str('name') };
}
