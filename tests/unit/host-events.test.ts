/**
 * The host → page events (src/shared/host-events.ts) and the host's side of them
 * (src/services/host/events.ts): validation of every event, delivery to every page, and the
 * flush-before-quit handshake, bounded when a page does not answer.
 */
import { describe, expect, it } from 'vitest';
import { createHostEvents } from '../../src/services/host/events';
import { parseHostEvent } from '../../src/shared/host-events';

describe('host events', () => {
  it('are validated: unknown names and malformed payloads are dropped', () => {
    expect(parseHostEvent('app.command', { command: 'file.print' })).toEqual({ name: 'app.command', payload: { command: 'file.print' } });
    expect(parseHostEvent('app.command', { command: 'shell.exec' })).toBeUndefined();
    expect(parseHostEvent('app.command', { command: 'file.print', extra: 1 })).toBeUndefined();
    expect(parseHostEvent('__proto__', {})).toBeUndefined();
    expect(parseHostEvent('toString', {})).toBeUndefined();
    expect(parseHostEvent('dossier.opened', { id: '../../etc' })).toBeUndefined();
    expect(parseHostEvent('dossier.opened', { id: 'abcdefghij12' })).toBeDefined();
  });

  it('reach every page, and a page that fails does not stop the others', () => {
    const errors: unknown[] = [];
    const events = createHostEvents((e) => errors.push(e));
    const a: string[] = [];
    const b: string[] = [];
    events.subscribe(() => {
      throw new Error('gone');
    });
    const offA = events.subscribe((name) => a.push(name));
    events.subscribe((name) => b.push(name));
    events.emit('app.command', { command: 'file.new' });
    offA();
    events.emit('app.command', { command: 'file.new' });
    expect(a).toEqual(['app.command']);
    expect(b).toEqual(['app.command', 'app.command']);
    expect(errors).toHaveLength(2);
    expect(events.pages).toBe(2);
  });

  it('flush: resolves at once with no page, when every page has answered, or when time is up', async () => {
    const events = createHostEvents();
    expect(await events.requestFlush(1000)).toEqual({ kind: 'no-page' });

    const ids: string[] = [];
    events.subscribe((name, payload) => name === 'app.flush' && ids.push((payload as { requestId: string }).requestId));
    events.subscribe(() => undefined);
    const both = events.requestFlush(10_000);
    events.acknowledgeFlush(ids[0]!, true);
    let settled = false;
    void both.then(() => (settled = true));
    await Promise.resolve();
    expect(settled).toBe(false); // one of two pages answered
    events.acknowledgeFlush(ids[0]!, true);
    expect(await both).toEqual({ kind: 'answered', saved: true });

    const late = events.requestFlush(30);
    expect(await late).toEqual({ kind: 'timeout', answered: 0, expected: 2 });
    // An answer after the time is up is ignored.
    events.acknowledgeFlush(ids[1]!, true);
  });
});
