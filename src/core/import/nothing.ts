/**
 * An import that found nothing to keep: every line was furniture Rapporteur makes itself (page
 * numbers, symbols, running heads) or blank. Always this error, so the same input class always
 * gets the same answer (the file readers turn it into one sentence).
 */
import type { DroppedItem } from './source';

export class NothingToImportError extends Error {
  override name = 'NothingToImportError';
  constructor(readonly dropped: DroppedItem[]) {
    super(
      dropped.length > 0
        ? `nothing to import: the only ${dropped.length === 1 ? 'line is' : `${dropped.length} lines are`} what Rapporteur writes itself (page numbers, symbols, running heads)`
        : 'nothing to import: no paragraph, heading or title was found',
    );
  }
}
