/**
 * The dossier's history: every revision with its time and kind (automatic, named, imported,
 * finalised…), a named snapshot of what is on screen, a comparison of any two versions (or of
 * one with the current text), and restoring one — which makes it the current text again as a new
 * revision, so nothing is lost.
 */
import { useId, useState, type FormEvent } from 'react';
import type { RevisionInfo, RevisionSide } from '../../../shared/ipc-contract';
import { useWorkspaceTranslation } from '../../i18n';
import { Dialog } from '../../components/Dialog';
import type { WorkspaceContext } from '../context';
import '../outline/OutlinePanel.css';
import './HistoryPanel.css';

export function revisionName(r: RevisionInfo, t: ReturnType<typeof useWorkspaceTranslation>['t']): string {
  const kind = r.reason === 'restore' ? t('history.reasons.restore', { seq: r.restoredFrom ?? '?' }) : t(`history.reasons.${r.reason}`);
  // Labels the library wrote itself (a copy's "Copy of…") are not the user's words: the kind says it.
  return r.label && r.reason !== 'copied' ? `${kind} — ${r.label}` : kind;
}

export function useWhen(language: WorkspaceContext['language']) {
  const f = new Intl.DateTimeFormat(language === 'fr' ? 'fr-FR' : 'en-GB', { dateStyle: 'medium', timeStyle: 'short' });
  return (ms: number) => f.format(ms);
}

export function HistoryPanel({ ctx }: { ctx: WorkspaceContext }) {
  const { t } = useWorkspaceTranslation();
  const when = useWhen(ctx.language);
  const ids = useId();
  const [name, setName] = useState('');
  const [busy, setBusy] = useState(false);
  const history = ctx.history;
  const [from, setFrom] = useState<string>('');
  const [to, setTo] = useState<string>('current');
  const side = (v: string): RevisionSide => (v === 'current' ? 'current' : Number(v));
  const editable = ctx.mode === 'edit';

  const snapshot = async (e: FormEvent) => {
    e.preventDefault();
    if (name.trim() === '') return;
    setBusy(true);
    const r = await ctx.actions.snapshot(name.trim());
    setBusy(false);
    if (r) {
      setName('');
      ctx.actions.announce(t('history.snapshotDone', { label: r.label ?? '', seq: r.seq }));
    }
  };
  const [confirming, setConfirming] = useState<RevisionInfo | undefined>();
  const restore = async (r: RevisionInfo) => {
    setBusy(true);
    await ctx.actions.restore(r.seq);
    setBusy(false);
    setConfirming(undefined);
  };
  const options = [{ value: 'current', label: t('history.current') }, ...(history ?? []).map((r) => ({ value: String(r.seq), label: `${t('history.revision', { seq: r.seq })} · ${when(r.createdAt)}` }))];
  const fromValue = from || (history && history.length > 0 ? String(history[0]!.seq) : 'current');

  return (
    <section className="history" aria-labelledby="history-title" data-testid="history" aria-busy={history === undefined || busy}>
      <h2 id="history-title" className="panel-title">
        {t('history.title')}
      </h2>
      {editable && (
        <form className="history-snapshot" onSubmit={(e) => void snapshot(e)}>
          <label htmlFor={`${ids}-name`}>{t('history.snapshotName')}</label>
          <div className="mf-row">
            <input id={`${ids}-name`} type="text" maxLength={200} value={name} data-testid="snapshot-name" onChange={(e) => setName(e.target.value)} />
            <button type="submit" disabled={busy || name.trim() === ''} data-testid="snapshot-take">
              {t('history.snapshot')}
            </button>
          </div>
        </form>
      )}
      {history !== undefined && history.length > 0 && (
        <form
          className="history-compare"
          aria-labelledby={`${ids}-compare`}
          onSubmit={(e) => {
            e.preventDefault();
            ctx.actions.compare({ from: side(fromValue), to: side(to) });
          }}
        >
          <h3 id={`${ids}-compare`}>{t('history.compareTwo')}</h3>
          <label htmlFor={`${ids}-from`}>{t('history.from')}</label>
          <select id={`${ids}-from`} value={fromValue} data-testid="compare-from" onChange={(e) => setFrom(e.target.value)}>
            {options.map((o) => (
              <option key={o.value} value={o.value}>
                {o.label}
              </option>
            ))}
          </select>
          <label htmlFor={`${ids}-to`}>{t('history.to')}</label>
          <select id={`${ids}-to`} value={to} data-testid="compare-to" onChange={(e) => setTo(e.target.value)}>
            {options.map((o) => (
              <option key={o.value} value={o.value}>
                {o.label}
              </option>
            ))}
          </select>
          <button type="submit" data-testid="compare-run">
            {t('history.compare')}
          </button>
        </form>
      )}
      {history === undefined && <p className="status">{t('history.loading')}</p>}
      {history !== undefined && (
        <>
          <h3>{t('history.revisions')}</h3>
          <ol className="revision-list" data-testid="revisions">
            {history.map((r) => (
              <li key={r.seq} className="revision" data-testid="revision" data-seq={r.seq} data-reason={r.reason} data-locked={r.locked}>
                <div className="revision-head">
                  <span className="revision-seq">{t('history.revision', { seq: r.seq })}</span>
                  <time dateTime={new Date(r.createdAt).toISOString()}>{when(r.createdAt)}</time>
                  {r.locked && <span className="badge locked">{t('history.locked')}</span>}
                </div>
                <div className="revision-kind" data-testid="revision-kind">
                  {revisionName(r, t)}
                </div>
                <div className="mf-row">
                  <button type="button" className="link" data-testid="revision-compare" onClick={() => ctx.actions.compare({ from: r.seq, to: 'current' })}>
                    {t('history.compareCurrent')}
                  </button>
                  {editable && (
                    <button type="button" className="link" data-testid="revision-restore" disabled={busy} onClick={() => setConfirming(r)}>
                      {t('history.restore')}
                    </button>
                  )}
                </div>
              </li>
            ))}
          </ol>
        </>
      )}
      {confirming && (
        <Dialog title={t('history.restore')} confirm={t('history.restore')} cancel={t('dialog.cancel')} busy={busy} testId="restore-dialog" onConfirm={() => void restore(confirming)} onCancel={() => setConfirming(undefined)}>
          <p>{t('history.restoreConfirm', { seq: confirming.seq })}</p>
        </Dialog>
      )}
    </section>
  );
}
