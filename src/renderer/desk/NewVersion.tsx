/**
 * "Create the English version" (or French): empty, or a copy of the source to overwrite. What is
 * on screen is saved first; the host adds the version (`dossier.addVersion`, core
 * addLanguageVersion: every block id kept, metadata shared, generated parts in the new language).
 */
import { useState } from 'react';
import type { Lang } from '../../core/model/schema';
import type { Dossier } from '../../shared/ipc-contract';
import { api } from '../api';
import { useAppTranslation } from '../i18n';
import '../editor/components/panel.css';

type Props = {
  dossierId: string;
  target: Lang;
  source: Lang;
  /** Saves what the editor has not saved yet. */
  flush: () => Promise<unknown>;
  onCreated: (dossier: Dossier) => void;
  onCancel: () => void;
};

export function NewVersion({ dossierId, target, source, flush, onCreated, onCancel }: Props) {
  const { t } = useAppTranslation();
  const [start, setStart] = useState<'empty' | 'copy'>('empty');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | undefined>();
  const create = async () => {
    setBusy(true);
    setError(undefined);
    try {
      await flush();
      const got = await api.invoke('dossier.get', { id: dossierId });
      const r = got.ok ? await api.invoke('dossier.addVersion', { id: dossierId, lang: target, start, baseVersion: got.value.version }) : got;
      if (r.ok) onCreated(r.value);
      else setError(r.error.message);
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <section className="rk-panel rk-new-version" aria-label={t(`desk.newVersion.title.${target}`)} data-testid="new-version">
      <h2>{t(`desk.newVersion.title.${target}`)}</h2>
      <label className="check">
        <input type="radio" name="new-version-start" data-testid="new-version-empty" checked={start === 'empty'} onChange={() => setStart('empty')} />
        {t('desk.newVersion.empty')}
      </label>
      <label className="check">
        <input type="radio" name="new-version-start" data-testid="new-version-copy" checked={start === 'copy'} onChange={() => setStart('copy')} />
        {t(`desk.newVersion.copy.${source}`)}
      </label>
      <p className="rk-desk-muted">{t('desk.newVersion.hint')}</p>
      <button type="button" data-testid="new-version-create" disabled={busy} onClick={() => void create()}>
        {busy ? t('desk.newVersion.creating') : t('desk.newVersion.create')}
      </button>
      <button type="button" onClick={onCancel} disabled={busy}>
        {t('desk.newVersion.cancel')}
      </button>
      {error && (
        <p role="alert" className="save-error">
          {t('desk.newVersion.failed', { message: error })}
        </p>
      )}
    </section>
  );
}
