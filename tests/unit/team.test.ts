/**
 * The app's side of the team (issue 15), without a server: the check of a team server's address
 * (https anywhere, http only on loopback), finding the code in a pasted invitation, the contract's
 * validation of the team channels, and the security policy gaining the server's origin (and only
 * a bare origin).
 */
import { describe, expect, it } from 'vitest';
import { contentSecurityPolicy, CONTENT_SECURITY_POLICY, metaContentSecurityPolicy, META_CONTENT_SECURITY_POLICY, withMetaPolicy } from '../../src/shared/csp';
import { createDispatcher, fail, ok, CHANNELS, type Handlers } from '../../src/shared/ipc-contract';
import { invitationCode, teamServerOrigin } from '../../src/shared/team';

const CODE = `rpi_${'A1b2-_'.repeat(7)}x`;

describe('a team server’s address', () => {
  it('takes https anywhere, as its origin', () => {
    expect(teamServerOrigin(' https://team.mission.example/some/path ')).toEqual({ ok: true, origin: 'https://team.mission.example' });
    expect(teamServerOrigin('https://team.mission.example:8443')).toEqual({ ok: true, origin: 'https://team.mission.example:8443' });
    expect(teamServerOrigin('HTTPS://Team.Mission.Example:443?x')).toEqual({ ok: true, origin: 'https://team.mission.example' });
  });
  it('takes http only on this machine', () => {
    expect(teamServerOrigin('http://127.0.0.1:8484')).toEqual({ ok: true, origin: 'http://127.0.0.1:8484' });
    expect(teamServerOrigin('http://localhost:8484/')).toEqual({ ok: true, origin: 'http://localhost:8484' });
    expect(teamServerOrigin('http://[::1]:8484')).toEqual({ ok: true, origin: 'http://[::1]:8484' });
    expect(teamServerOrigin('http://team.mission.example')).toEqual({ ok: false, reason: 'A team server on another machine must be reached over https (http only on this machine).' });
    expect(teamServerOrigin('http://10.0.0.5:8484').ok).toBe(false);
  });
  it('refuses what is not a web address, other schemes and credentials, in one sentence', () => {
    expect(teamServerOrigin('team.mission.example')).toEqual({ ok: false, reason: 'The team server’s address is not a web address (e.g. https://team.example.org).' });
    expect(teamServerOrigin('ftp://team.mission.example')).toEqual({ ok: false, reason: 'The team server’s address must start with https://.' });
    expect(teamServerOrigin('https://team.mission.example:99999').ok).toBe(false);
    expect(teamServerOrigin('https://team mission.example').ok).toBe(false);
    expect(teamServerOrigin('https://').ok).toBe(false);
    expect(teamServerOrigin('https://me:secret@team.mission.example')).toEqual({ ok: false, reason: 'The team server’s address may not contain a user name or password.' });
  });
});

describe('an invitation', () => {
  it('is the code itself, or found in a link', () => {
    expect(invitationCode(CODE)).toBe(CODE);
    expect(invitationCode(`https://team.mission.example/join?code=${CODE}&x=1`)).toBe(CODE);
    expect(invitationCode(`  ${CODE}\n`)).toBe(CODE);
    expect(invitationCode('rpi_short')).toBeUndefined();
    expect(invitationCode('hello')).toBeUndefined();
  });
});

describe('the team channels of the contract', () => {
  const seen: unknown[] = [];
  const handlers = {
    ...(Object.fromEntries(CHANNELS.map((c) => [c, () => fail('unavailable', 'not in this test')])) as unknown as Handlers),
    'team.connect': (input: unknown) => {
      seen.push(input);
      return ok({ status: { server: 'x', personName: 'y', tokenHint: '…z' }, joined: null });
    },
    'team.offlineAppend': () => ok(null),
  } as Handlers;
  const dispatch = createDispatcher(handlers);

  it('normalise the server’s address before the handler sees it, and refuse a bad one', async () => {
    expect(await dispatch('team.connect', { server: 'https://team.mission.example/', code: CODE })).toMatchObject({ ok: true });
    expect(seen.pop()).toEqual({ server: 'https://team.mission.example', code: CODE });
    const refused = await dispatch('team.connect', { server: 'http://team.mission.example', code: CODE });
    expect(refused).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
    expect(!refused.ok && refused.error.message).toContain('must be reached over https');
    expect(seen).toEqual([]);
  });
  it('take Yjs updates as bytes, 1 byte to 16 MB', async () => {
    expect(await dispatch('team.offlineAppend', { id: 'abcdefabcdef', lang: 'fr', update: new Uint8Array([1, 2, 3]) })).toEqual({ ok: true, value: null });
    expect(await dispatch('team.offlineAppend', { id: 'abcdefabcdef', lang: 'fr', update: new Uint8Array(0) })).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
    expect(await dispatch('team.offlineAppend', { id: 'abcdefabcdef', lang: 'fr', update: 'AQID' })).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
    expect(await dispatch('team.offlineAppend', { id: '../etc', lang: 'fr', update: new Uint8Array([1]) })).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
  });
});

describe('the security policy', () => {
  it('is unchanged with no team server', () => {
    expect(contentSecurityPolicy()).toBe(CONTENT_SECURITY_POLICY);
    expect(metaContentSecurityPolicy([])).toBe(META_CONTENT_SECURITY_POLICY);
    expect(CONTENT_SECURITY_POLICY).toContain("connect-src 'self' data:;");
  });
  it('gains the team server’s origins in connect-src only', () => {
    const p = contentSecurityPolicy(['https://team.mission.example', 'wss://team.mission.example']);
    expect(p).toContain("connect-src 'self' data: https://team.mission.example wss://team.mission.example;");
    expect(p.replace(/connect-src [^;]*;/, '')).toBe(CONTENT_SECURITY_POLICY.replace(/connect-src [^;]*;/, ''));
    expect(metaContentSecurityPolicy(['http://127.0.0.1:8484', 'ws://127.0.0.1:8484'])).toContain("connect-src 'self' data: http://127.0.0.1:8484 ws://127.0.0.1:8484;");
  });
  it('leaves out anything that is not a bare origin (no way to inject a directive)', () => {
    expect(contentSecurityPolicy(["https://x.example; script-src 'unsafe-eval'", 'https://x.example/path', '*', 'https:'])).toBe(CONTENT_SECURITY_POLICY);
  });
  it('rewrites the page’s <meta> policy', () => {
    const html = `<head><meta\n      http-equiv="Content-Security-Policy"\n      content="${META_CONTENT_SECURITY_POLICY}"\n    /></head>`;
    const out = withMetaPolicy(html, metaContentSecurityPolicy(['https://team.mission.example']));
    expect(out).toContain('connect-src \'self\' data: https://team.mission.example;');
    expect(withMetaPolicy('<head></head>', 'x')).toBe('<head></head>');
  });
});
