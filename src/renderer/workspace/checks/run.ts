/** One run of the pre-submission checker and the word count on a document (pure; the worker and the main-thread fallback both call it). */
import { checkDocument } from '../../../core/checker/index';
import { wordCount } from '../../../core/checker/wordcount';
import type { Lang, PartKind, RDocument } from '../../../core/model/schema';
import { listParts } from '../../../core/model/walk';
import { numberDocument } from '../../../core/numbering/numbering';
import type { CheckOutcome } from './protocol';

export function runChecks(doc: RDocument, lang: Lang): CheckOutcome {
  const started = performance.now();
  const n = numberDocument(doc, lang);
  const kinds = new Map<string, PartKind>(listParts(doc).map(({ part }) => [part.id, part.kind]));
  const findings = checkDocument(doc, lang).map((f) => {
    const partId = f.partId ?? (f.blockId !== undefined ? n.partOf.get(f.blockId) : undefined);
    const label = (f.blockId !== undefined ? n.blocks.get(f.blockId)?.label : undefined) ?? (partId !== undefined ? n.parts.get(partId)?.label : undefined);
    const partKind = partId !== undefined ? kinds.get(partId) : undefined;
    return { ...f, ...(label ? { label } : {}), ...(partKind ? { partKind } : {}) };
  });
  return { findings, words: wordCount(doc, lang, n), ms: performance.now() - started };
}
