/** The team server's command line (src/server/config.ts): what it accepts, and each refusal in a sentence. */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseServerArgs } from '../../src/server/config';

const db = ['--database', 'postgres://rapporteur@127.0.0.1/team'];

describe('the team server’s command line', () => {
  it('serves on loopback by default', () => {
    expect(parseServerArgs(db, {})).toMatchObject({ command: 'serve', host: '127.0.0.1', port: 8484, tls: undefined, redis: undefined });
    expect(parseServerArgs([], { RAPPORTEUR_DATABASE_URL: 'postgres://x/y' })).toMatchObject({ database: 'postgres://x/y' });
  });

  it('needs TLS, or a proxy that terminates it, beyond loopback', () => {
    expect(() => parseServerArgs([...db, '--host', '0.0.0.0'], {})).toThrow(/needs TLS: --tls-cert and --tls-key, or --behind-proxy/);
    expect(parseServerArgs([...db, '--host', '0.0.0.0', '--behind-proxy'], {})).toMatchObject({ host: '0.0.0.0', tls: undefined });
    const dir = mkdtempSync(join(tmpdir(), 'rapporteur-tls-'));
    writeFileSync(join(dir, 'c.pem'), 'CERT');
    writeFileSync(join(dir, 'k.pem'), 'KEY');
    expect(parseServerArgs([...db, '--host', '10.0.0.5', '--tls-cert', join(dir, 'c.pem'), '--tls-key', join(dir, 'k.pem')], {})).toMatchObject({ tls: { cert: Buffer.from('CERT'), key: Buffer.from('KEY') } });
    expect(() => parseServerArgs([...db, '--tls-cert', join(dir, 'c.pem')], {})).toThrow('--tls-cert and --tls-key go together');
    expect(() => parseServerArgs([...db, '--tls-cert', join(dir, 'nope'), '--tls-key', join(dir, 'k.pem')], {})).toThrow(/cannot read the TLS certificate .*ENOENT/);
  });

  it('refuses what it cannot use, in one sentence', () => {
    expect(() => parseServerArgs([], {})).toThrow('--database postgres://user@host/db is needed (or RAPPORTEUR_DATABASE_URL)');
    expect(() => parseServerArgs(['--database', 'mysql://x'], {})).toThrow('--database must be a postgres:// address');
    expect(() => parseServerArgs([...db, '--port', '99999'], {})).toThrow(/--port must be a number from 0 to 65535/);
    expect(() => parseServerArgs([...db, '--host', 'example.org'], {})).toThrow(/--host must be an IP address/);
    expect(() => parseServerArgs([...db, '--redis', 'nope'], {})).toThrow('--redis is HOST:PORT, e.g. 127.0.0.1:6379');
    expect(() => parseServerArgs([...db, '--frobnicate', '1'], {})).toThrow('--frobnicate does not go with "serve"');
    expect(() => parseServerArgs(['launch', ...db], {})).toThrow(/unknown command "launch"/);
    expect(() => parseServerArgs(['invite', ...db], {})).toThrow('invite needs --name "Full Name"');
    expect(() => parseServerArgs(['revoke', ...db], {})).toThrow(/revoke needs --person ID/);
  });

  it('reads the administration commands', () => {
    expect(parseServerArgs(['invite', ...db, '--name', 'Aminata Diallo'], {})).toEqual({ command: 'invite', database: db[1], name: 'Aminata Diallo', hours: undefined });
    expect(parseServerArgs(['revoke', ...db, '--person', 'abc'], {})).toEqual({ command: 'revoke', database: db[1], person: 'abc' });
    expect(parseServerArgs([...db, '--redis', '127.0.0.1:6380'], {})).toMatchObject({ redis: { host: '127.0.0.1', port: 6380 } });
  });
});
