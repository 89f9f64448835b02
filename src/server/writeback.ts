/**
 * Reading a shared document back as the model costs a headless editor and a full validation
 * (about 100 ms for a 1,000-paragraph report): done in a worker thread, so the server's event
 * loop keeps relaying keystrokes meanwhile. One worker, one job at a time per document (the
 * debounced store already spaces them).
 */
import { Worker } from 'node:worker_threads';
import type { Lang, RDocument } from '../core/model/schema';
import type { YCodec } from './codec';

export type WritebackJob = { state: Uint8Array; lang: Lang; base: RDocument };
export type WritebackResult = { ok: true; document: unknown } | { ok: false; reason: string };

export type Writeback = { read(job: WritebackJob): Promise<WritebackResult>; close(): Promise<void> };

export function startWriteback(codec: NonNullable<YCodec['worker']>): Writeback {
  // The worker runs TypeScript sources as the server does (through tsx).
  const worker = new Worker(new URL('./writeback-worker.ts', import.meta.url), { execArgv: ['--import', 'tsx'], workerData: codec });
  worker.unref();
  let next = 1;
  const pending = new Map<number, (r: WritebackResult) => void>();
  worker.on('message', (m: { id: number } & WritebackResult) => {
    const done = pending.get(m.id);
    pending.delete(m.id);
    done?.(m.ok ? { ok: true, document: m.document } : { ok: false, reason: m.reason });
  });
  worker.on('error', (e) => {
    for (const done of pending.values()) done({ ok: false, reason: `the write-back worker failed: ${e.message}` });
    pending.clear();
  });
  return {
    read: (job) =>
      new Promise((ok) => {
        const id = next++;
        pending.set(id, ok);
        worker.postMessage({ id, ...job });
      }),
    close: async () => {
      await worker.terminate();
    },
  };
}
