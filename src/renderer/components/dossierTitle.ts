/**
 * A dossier's title as the screen shows it. The store keeps the title as typed (straight
 * apostrophes, ordinary spaces: it sorts and searches on it); what is shown is typeset as the
 * document's text is, by the core's one rule (`typeset`): typographic apostrophes, and French
 * spacing when the title is French.
 */
import type { DocumentSettings, Lang } from '../../core/model/schema';
import { typeset } from '../../core/render/spans';
import type { DossierSummary } from '../../shared/library';

/**
 * The language the title is in, as the store picks it (services/store/derive: the original's
 * text first, else the version that has words).
 */
function titleLanguage(d: Pick<DossierSummary, 'originalLanguage' | 'languages'>): Lang {
  return d.languages.length === 0 || d.languages.includes(d.originalLanguage) ? d.originalLanguage : d.languages[0]!;
}

/** The title typeset with `settings` (the document's own when it is open, else the app's for new documents); '' stays ''. */
export function shownTitle(d: Pick<DossierSummary, 'title' | 'originalLanguage' | 'languages'>, settings: DocumentSettings): string {
  return typeset(d.title, { settings }, titleLanguage(d));
}
