/**
 * The checker while writing, never on a keystroke: it runs on the document autosave takes from
 * the editor (about a second after typing stops), in a worker, so neither the checker nor the
 * word count is a task on the window's thread. Only the newest request is answered; one still
 * running is let finish and its answer dropped. Where no worker can start, it runs here in idle
 * time (one task).
 */
import type { Lang, RDocument } from '../../../core/model/schema';
import type { CheckOutcome, CheckRequest, CheckResponse } from './protocol';
import { runChecks } from './run';

let workerUrl: string | URL | undefined;

/** Where the built worker script is (the app sets it from its bundler; the bench from its build). */
export function setCheckWorkerUrl(url: string | URL): void {
  workerUrl = url;
}

export class LiveChecks {
  private worker: Worker | undefined;
  private failed = false;
  private seq = 0;
  private idle: number | undefined;
  private last: CheckRequest | undefined;

  constructor(private readonly onResult: (r: CheckOutcome, via: 'worker' | 'main') => void) {}

  /** Checks `doc` (superseding any check not answered yet). */
  check(doc: RDocument, lang: Lang): void {
    const seq = ++this.seq;
    const w = this.start();
    if (w) {
      this.last = { seq, doc, lang };
      w.postMessage(this.last);
      return;
    }
    this.runHere(seq, doc, lang);
  }

  dispose(): void {
    this.seq++;
    this.worker?.terminate();
    this.worker = undefined;
    if (this.idle !== undefined) cancel(this.idle);
  }

  private runHere(seq: number, doc: RDocument, lang: Lang): void {
    if (this.idle !== undefined) cancel(this.idle);
    this.idle = whenIdle(() => {
      this.idle = undefined;
      if (seq === this.seq) this.onResult(runChecks(doc, lang), 'main');
    });
  }

  private start(): Worker | undefined {
    if (this.worker || this.failed || workerUrl === undefined || typeof Worker === 'undefined') return this.worker;
    try {
      const w = new Worker(workerUrl, { type: 'module', name: 'rapporteur-checks' });
      w.onmessage = (e: MessageEvent<CheckResponse>) => {
        if (e.data.seq !== this.seq) return;
        if ('error' in e.data) {
          console.error(`[checks] the checker failed: ${e.data.error}`);
          return;
        }
        const { findings, words, ms } = e.data;
        this.onResult({ findings, words, ms }, 'worker');
      };
      w.onerror = () => {
        // The worker could not start or crashed: the newest request runs here instead.
        this.failed = true;
        this.worker = undefined;
        const last = this.last;
        if (last && last.seq === this.seq) this.runHere(last.seq, last.doc, last.lang);
      };
      this.worker = w;
    } catch {
      this.failed = true;
    }
    return this.worker;
  }
}

type IdleWindow = { requestIdleCallback?: (cb: () => void, o?: { timeout: number }) => number; cancelIdleCallback?: (id: number) => void };

function whenIdle(cb: () => void): number {
  const w = window as unknown as IdleWindow;
  return w.requestIdleCallback ? w.requestIdleCallback(cb, { timeout: 2000 }) : window.setTimeout(cb, 50);
}

function cancel(id: number): void {
  const w = window as unknown as IdleWindow;
  if (w.cancelIdleCallback) w.cancelIdleCallback(id);
  else window.clearTimeout(id);
}
