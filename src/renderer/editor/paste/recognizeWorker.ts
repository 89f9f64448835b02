/// <reference lib="webworker" />
/** The worker side of ./worker.ts: recognises a pasted text or source paragraphs. */
import { handOver } from '../../../core/import/source';
import { recognizeSource, recognizeText } from './recognize';
import type { RecognizeRequest, RecognizeResponse } from './worker';

self.onmessage = (e: MessageEvent<RecognizeRequest>) => {
  const req = e.data;
  let out: RecognizeResponse;
  try {
    out = { id: req.id, fragment: 'text' in req ? recognizeText(req.text, req.lang) : recognizeSource(handOver(req.source), req.lang) };
  } catch (err) {
    out = { id: req.id, error: err instanceof Error ? err.message : String(err) };
  }
  (self as unknown as { postMessage: (m: RecognizeResponse) => void }).postMessage(out);
};
