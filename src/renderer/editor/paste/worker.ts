/**
 * Recognition of a large paste off the main thread: the recogniser is pure TypeScript, so a
 * worker runs it while the window keeps painting. Where no worker can start (a host that
 * refuses them), it runs here, in one task.
 */
import type { Lang } from '../../../core/model/schema';
import { handOver, type SourceBlock } from '../../../core/import/source';
import { recognizeSource, recognizeText, type Fragment } from './recognize';

export type RecognizeRequest = { id: number; lang: Lang } & ({ text: string } | { source: SourceBlock[] });
export type RecognizeResponse = { id: number; fragment: Fragment } | { id: number; error: string };

let workerUrl: string | URL | undefined;
let worker: Worker | undefined;
let failed = false;
let next = 0;
const waiting = new Map<number, (r: RecognizeResponse) => void>();

/** Where the built worker script is (the app sets it from its bundler; the bench from its build). */
export function setRecognizeWorkerUrl(url: string | URL): void {
  workerUrl = url;
}

function startWorker(): Worker | undefined {
  if (worker || failed || workerUrl === undefined || typeof Worker === 'undefined') return worker;
  try {
    worker = new Worker(workerUrl, { type: 'module', name: 'rapporteur-recognize' });
    worker.onmessage = (e: MessageEvent<RecognizeResponse>) => {
      waiting.get(e.data.id)?.(e.data);
      waiting.delete(e.data.id);
    };
    worker.onerror = () => {
      failed = true;
      worker = undefined;
      for (const [, done] of waiting) done({ id: -1, error: 'worker failed' });
      waiting.clear();
    };
  } catch {
    failed = true;
    worker = undefined;
  }
  return worker;
}

function inline(req: { lang: Lang } & ({ text: string } | { source: SourceBlock[] })): Fragment {
  return 'text' in req ? recognizeText(req.text, req.lang) : recognizeSource(handOver(req.source), req.lang);
}

/** Recognises text or source paragraphs, in the worker when there is one. */
export function recognizeOffThread(req: { lang: Lang } & ({ text: string } | { source: SourceBlock[] })): Promise<Fragment> {
  const w = startWorker();
  if (!w) return Promise.resolve(inline(req));
  const id = ++next;
  return new Promise((resolve) => {
    waiting.set(id, (r) => resolve('fragment' in r ? r.fragment : inline(req)));
    w.postMessage({ id, ...req } satisfies RecognizeRequest);
  });
}
