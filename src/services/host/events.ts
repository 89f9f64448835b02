/**
 * The host's side of the events it sends to its pages (src/shared/host-events.ts), for every host:
 * the Electron main process subscribes its window's webContents, the loopback HTTP host each
 * Server-Sent Events stream. No Electron here, so the handshake is tested in Node.
 *
 * The flush before quit: `requestFlush` sends `app.flush` to every page listening and waits until
 * each has answered (`acknowledgeFlush`, from the `app.flushed` channel) or until the time is up,
 * so quitting never hangs on a page that died.
 */
import { randomUUID } from 'node:crypto';
import type { HostEventName, HostEventPayload } from '../../shared/host-events';

export type HostEventSink = <E extends HostEventName>(name: E, payload: HostEventPayload<E>) => void;

/** How a flush ended: every page answered (and whether all saved), no page was listening, or time ran out. */
export type FlushOutcome = { kind: 'answered'; saved: boolean } | { kind: 'no-page' } | { kind: 'timeout'; answered: number; expected: number };

export type HostEvents = {
  emit<E extends HostEventName>(name: E, payload: HostEventPayload<E>): void;
  /** Adds a page; returns the function that removes it. */
  subscribe(sink: HostEventSink): () => void;
  /** Number of pages listening. */
  readonly pages: number;
  requestFlush(timeoutMs: number): Promise<FlushOutcome>;
  /** A page's answer to `app.flush`; answers to no pending request (late, forged) are ignored. */
  acknowledgeFlush(requestId: string, saved: boolean): void;
};

export function createHostEvents(onSinkError?: (error: unknown) => void): HostEvents {
  const sinks = new Set<HostEventSink>();
  const pending = new Map<string, { expected: number; answered: number; saved: boolean; done: (o: FlushOutcome) => void }>();

  const emit: HostEvents['emit'] = (name, payload) => {
    for (const sink of [...sinks]) {
      try {
        sink(name, payload);
      } catch (e) {
        // A page that went away must not stop the others from hearing the event.
        onSinkError?.(e);
      }
    }
  };

  return {
    emit,
    subscribe(sink) {
      sinks.add(sink);
      return () => {
        sinks.delete(sink);
      };
    },
    get pages() {
      return sinks.size;
    },
    requestFlush(timeoutMs) {
      const expected = sinks.size;
      if (expected === 0) return Promise.resolve({ kind: 'no-page' });
      const requestId = randomUUID();
      return new Promise<FlushOutcome>((resolve) => {
        const timer = setTimeout(() => {
          const p = pending.get(requestId);
          pending.delete(requestId);
          resolve({ kind: 'timeout', answered: p?.answered ?? 0, expected });
        }, timeoutMs);
        pending.set(requestId, {
          expected,
          answered: 0,
          saved: true,
          done: (o) => {
            clearTimeout(timer);
            pending.delete(requestId);
            resolve(o);
          },
        });
        emit('app.flush', { requestId });
      });
    },
    acknowledgeFlush(requestId, saved) {
      const p = pending.get(requestId);
      if (!p) return;
      p.answered += 1;
      p.saved &&= saved;
      if (p.answered >= p.expected) p.done({ kind: 'answered', saved: p.saved });
    },
  };
}
