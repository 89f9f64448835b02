/** The write-back worker (see writeback.ts): a Yjs state in, the model read back out (or why not). */
import { parentPort, workerData } from 'node:worker_threads';
import * as Y from 'yjs';
import type { YCodec } from './codec';
import type { WritebackJob } from './writeback';

const where = workerData as NonNullable<YCodec['worker']>;
const codec = ((await import(where.module)) as Record<string, YCodec>)[where.name]!;

parentPort!.on('message', (job: WritebackJob & { id: number }) => {
  try {
    const ydoc = new Y.Doc();
    Y.applyUpdate(ydoc, job.state);
    parentPort!.postMessage({ id: job.id, ok: true, document: codec.decode(ydoc, job.lang, job.base) });
  } catch (e) {
    parentPort!.postMessage({ id: job.id, ok: false, reason: e instanceof Error ? e.message : String(e) });
  }
});
