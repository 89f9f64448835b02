/** « Enregistré / Saved », "Saving…", "Not saved: reason", or the conflict that stopped saving. */
import type { SaveState } from '../autosave/autosave';
import { useAppTranslation } from '../../i18n';
import './SaveStatus.css';

export function SaveStatus({ state, onReload }: { state: SaveState; onReload: () => void }) {
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
