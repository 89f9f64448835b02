/**
 * « Enregistré / Saved », "Saving…", "Not saved: reason", or the conflict that stopped saving; in a
 * window that cannot write (a team reader), "Nothing to save: read-only" instead of saved / saving.
 */
import { useSyncExternalStore } from 'react';
import type { SaveState } from '../autosave/autosave';
import { useAppTranslation } from '../../i18n';
import './SaveStatus.css';

/**
 * The save state as the autosave last reported it, outside React state: a save (pending, saving,
 * saved) re-renders this status line only, not the whole editor around it three times.
 */
export class SaveStateStore {
  private readonly listeners = new Set<() => void>();
  constructor(private state: SaveState) {}
  readonly get = (): SaveState => this.state;
  set(state: SaveState): void {
    this.state = state;
    for (const l of [...this.listeners]) l();
  }
  readonly subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };
}

export function SaveStatus({ store, onReload, readOnly = false }: { store: SaveStateStore; onReload: () => void; readOnly?: boolean }) {
  const stored = useSyncExternalStore(store.subscribe, store.get);
  const state: SaveState | { kind: 'read-only' } = readOnly && (stored.kind === 'saved' || stored.kind === 'pending' || stored.kind === 'saving') ? { kind: 'read-only' } : stored;
  const { t } = useAppTranslation();
  const text = () => {
    switch (state.kind) {
      case 'saved':
        return t('editor.save.saved');
      case 'pending':
      case 'saving':
        return t('editor.save.saving');
      case 'error':
        return t('editor.save.notSaved', { reason: t(`errors.${state.error.code}`, { message: state.error.message }) });
      case 'conflict':
        return t('editor.save.conflict');
      case 'read-only':
        return t('editor.save.readOnly');
    }
  };
  const problem = state.kind === 'error' || state.kind === 'conflict';
  return (
    <span className={`save-status save-${state.kind}`} data-testid="save-status" data-state={state.kind} role={problem ? 'alert' : 'status'} aria-live="polite">
      {text()}
      {state.kind === 'conflict' && (
        <button type="button" className="link" onClick={onReload} data-testid="save-reload">
          {t('editor.save.reload')}
        </button>
      )}
    </span>
  );
}
