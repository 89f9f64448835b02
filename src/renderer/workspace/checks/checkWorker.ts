/// <reference lib="webworker" />
/** The worker side of ./liveChecks.ts: the checker and the word count, off the window's thread. */
import type { CheckRequest, CheckResponse } from './protocol';
import { runChecks } from './run';

self.onmessage = (e: MessageEvent<CheckRequest>) => {
  let out: CheckResponse;
  try {
    out = { seq: e.data.seq, ...runChecks(e.data.doc, e.data.lang) };
  } catch (err) {
    out = { seq: e.data.seq, error: err instanceof Error ? err.message : String(err) };
  }
  (self as unknown as { postMessage: (m: CheckResponse) => void }).postMessage(out);
};
