/**
 * The handlers of the channels issue 12a added (see the block in src/shared/ipc-contract.ts):
 * comparing revisions, finalising, duplicating, importing a file or a returned version, emptying
 * the trash. Spread into `createHostHandlers`, so every host with a library serves them.
 */
import { compareDocuments } from '../../core/compare';
import type { RDocument } from '../../core/model/schema';
import { fail, type Handlers, type Result } from '../../shared/ipc-contract';
import type { ImportedDossier, ReturnedVersion, RevisionSide } from '../../shared/drafting';
import { importBytes, ImportError, decodeText } from '../import/index';
import { importRevision } from '../import/revision';
import { asResult, isStoreError, StoreError, type Store } from '../store/index';

type DraftingChannels = 'dossier.compare' | 'dossier.finalize' | 'dossier.copy' | 'dossier.import' | 'dossier.importRevision' | 'library.emptyTrash';

/** Runs a store or import call: a StoreError keeps its code, an ImportError is an 'invalid-file' with its sentence. */
async function run<T>(fn: () => T | Promise<T>): Promise<Result<T>> {
  try {
    return await asResult(fn);
  } catch (e) {
    if (e instanceof ImportError) return fail('invalid-file', e.message, { reason: e.code });
    throw e;
  }
}

function documentAt(store: Store, id: string, side: RevisionSide): RDocument {
  return side === 'current' ? store.get(id).document : store.revision(id, side).document;
}

const RAPPORTEUR_FILE = /\.(rapporteur|json)$/i;

export function draftingHandlers(store: Store): Pick<Handlers, DraftingChannels> {
  return {
    'dossier.compare': ({ id, from, to, lang }) => run(() => compareDocuments(documentAt(store, id, from), documentAt(store, id, to), lang, { ids: 'trust' })),

    'dossier.finalize': ({ id, label, baseVersion }) =>
      run(() => {
        // The locked revision must be the text the person signing saw.
        const summary = store.summary(id);
        const now = summary.version;
        if (now !== baseVersion) {
          throw new StoreError('conflict', `Dossier ${id} was changed elsewhere (version ${now}; this window shows version ${baseVersion}): nothing was finalised. Reload it, read it again, then finalise.`, { id, base: baseVersion, current: now, updatedAt: summary.updatedAt });
        }
        return store.finalize(id, { label });
      }),

    'dossier.copy': ({ id }) => run(() => store.get(store.copy(id).id)),

    'dossier.import': ({ name, bytes, lang }) =>
      run((): ImportedDossier => {
        if (RAPPORTEUR_FILE.test(name)) {
          // A .rapporteur file keeps its history and images: the store reads it whole.
          const created = store.importText(decodeText(bytes, name).text, name);
          return { dossier: store.get(created.id), format: 'rapporteur', unsure: [], warnings: [], dropped: 0 };
        }
        const imported = importBytes(bytes, { name, ...(lang ? { lang } : {}) });
        const created = store.importPayload({ source: 'document', document: imported.doc, assets: [], history: [] });
        return { dossier: store.get(created.id), format: imported.format, unsure: imported.report.unsure, warnings: imported.report.warnings, dropped: imported.report.dropped.length };
      }),

    'dossier.importRevision': ({ id, name, bytes, baseVersion, label, beforeLabel }) =>
      run((): ReturnedVersion => {
        const r = importRevision(store, id, bytes, { name, label, beforeLabel, base: baseVersion });
        return { dossier: store.get(id), before: r.before, revision: r.revision, comparison: r.comparison, tracked: r.tracked, notes: r.notes.length };
      }),

    'library.emptyTrash': () =>
      run(() => {
        let purged = 0;
        const kept = [];
        for (const d of store.list({ trash: 'only' })) {
          try {
            store.purge(d.id);
            purged++;
          } catch (e) {
            if (!isStoreError(e, 'locked-revision')) throw e;
            kept.push(d);
          }
        }
        return { purged, kept };
      }),
  };
}
