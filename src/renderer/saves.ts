/**
 * Saving a dossier from the renderer, and what the library's list learns from it: a save answers
 * with the dossier's new summary (its title follows the text, its version and time move on), and
 * every list that shows the dossier replaces its entry with it, without asking the host again.
 * The editor saves through `saveDossier`; the library panel listens with `onDossierSaved`.
 */
import type { RDocument } from '../core/model/schema';
import type { DossierSummary, RapporteurApi, Result, SaveResult } from '../shared/ipc-contract';

type Listener = (summary: DossierSummary) => void;
const listeners = new Set<Listener>();

/** Listens for saved dossiers' summaries; returns the function that stops listening. */
export function onDossierSaved(listener: Listener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** The save's answer without what only the saver needs (whether it wrote, the revision it took). */
function summaryOf({ changed: _, revision: __, ...summary }: SaveResult): DossierSummary {
  return summary;
}

/** Saves `document` as dossier `id`, based on `baseVersion`; on success the library learns its new summary. */
export async function saveDossier(api: RapporteurApi, id: string, document: RDocument, baseVersion: number): Promise<Result<SaveResult>> {
  const r = await api.invoke('dossier.save', { id, document, baseVersion });
  if (r.ok) for (const listener of listeners) listener(summaryOf(r.value));
  return r;
}

/**
 * A list of summaries (newest change first, as the library lists them) with `summary` in its
 * dossier's place: moved to the front, since it has just changed. A dossier the list does not
 * show (another view, the trash) leaves it as it is.
 */
export function withSaved(items: DossierSummary[], summary: DossierSummary): DossierSummary[] {
  if (!items.some((d) => d.id === summary.id)) return items;
  return [summary, ...items.filter((d) => d.id !== summary.id)];
}
