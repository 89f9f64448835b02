/**
 * Two versions of the dossier compared (core/compare, run by the host on `dossier.compare`):
 * every block inserted, deleted, moved or changed, with the changed words marked; a block whose
 * only change is its number is counted, never listed as changed. Parts and details that changed
 * are listed too. From here the older version can be restored.
 */
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { blockChangeWords, describeSummary, metaLine, partLine } from '../../../core/compare/describe';
import type { BlockChange, CompareResult, WordRun } from '../../../core/compare/types';
import type { IpcError, RevisionSide } from '../../../shared/ipc-contract';
import { api } from '../../api';
import { useAppTranslation, useWorkspaceTranslation } from '../../i18n';
import type { Comparison, WorkspaceContext } from '../context';
import { revisionName } from './HistoryPanel';
import './CompareView.css';

function Runs({ runs }: { runs: WordRun[] }) {
  return (
    <>
      {runs.map((r, i) => {
        if (r.paragraphBreak) return r.op === 'delete' ? <del key={i}>¶</del> : <ins key={i}>¶</ins>;
        if (r.op === 'delete') return <del key={i}>{r.text}</del>;
        if (r.op === 'insert') return <ins key={i}>{r.text}</ins>;
        if (r.op === 'format') return <mark key={i} className="format">{r.text}</mark>;
        return <span key={i}>{r.text}</span>;
      })}
    </>
  );
}

function ChangeText({ c }: { c: BlockChange }) {
  switch (c.op) {
    case 'inserted':
      return <ins>{c.new.text}</ins>;
    case 'deleted':
      return <del>{c.old.text}</del>;
    case 'split':
    case 'merged':
      return <Runs runs={c.runs} />;
    default:
      return c.runs ? <Runs runs={c.runs} /> : <span>{c.new.text}</span>;
  }
}

export function CompareView({ ctx, comparison }: { ctx: WorkspaceContext; comparison: Comparison }) {
  const { t } = useWorkspaceTranslation();
  const { t: at } = useAppTranslation();
  const { t: it } = useTranslation();
  const tc = (key: string, params?: Record<string, unknown>) => it(key, params as Record<string, string>);
  const [state, setState] = useState<{ result: CompareResult } | { error: IpcError } | undefined>(comparison.result ? { result: comparison.result } : undefined);
  const { from, to } = comparison;

  useEffect(() => {
    if (comparison.result) return;
    let current = true;
    setState(undefined);
    void ctx.actions.flush().then(() =>
      api.invoke('dossier.compare', { id: ctx.dossier.id, from, to, lang: ctx.lang }).then((r) => {
        if (current) setState(r.ok ? { result: r.value } : { error: r.error });
      }),
    );
    return () => {
      current = false;
    };
    // One comparison per pair of sides (and language).
  // eslint-disable-next-line react-hooks/exhaustive-deps -- one comparison per pair of sides and language
  }, [ctx.dossier.id, ctx.lang, from, to, comparison.result]);

  const sideName = (s: RevisionSide) => {
    if (s === 'current') return t('history.current');
    const r = ctx.history?.find((x) => x.seq === s);
    return r ? `${t('history.revision', { seq: s })} (${revisionName(r, t)})` : t('history.revision', { seq: s });
  };
  const result = state && 'result' in state ? state.result : undefined;
  const blocks = result?.blocks.filter((c) => c.op !== 'renumbered') ?? [];
  const parts = result ? result.parts.map((p) => partLine(p, tc, 0)).filter((l): l is string => l !== undefined) : [];
  const older = typeof from === 'number' ? from : undefined;

  return (
    <main className="workspace compare-view" data-testid="compare-view" aria-labelledby="compare-title" aria-busy={state === undefined}>
      <div className="toolbar">
        <h1 id="compare-title" className="toolbar-title">
          <span className="toolbar-kicker">{t('compare.title')}</span> {t('compare.between', { from: sideName(from), to: sideName(to) })}
        </h1>
        <button type="button" className="primary" data-testid="compare-back" onClick={() => ctx.actions.showView('editor')}>
          {t('compare.back')}
        </button>
        {older !== undefined && ctx.mode === 'edit' && (
          <button type="button" data-testid="compare-restore" onClick={() => void ctx.actions.restore(older)}>
            {t('compare.restoreOlder', { label: t('history.revision', { seq: older }) })}
          </button>
        )}
      </div>
      <div className="page-scroller">
        <div className="compare-page" lang={ctx.lang}>
          {comparison.note && <p className="compare-note">{comparison.note}</p>}
          {state === undefined && <p className="status">{t('compare.loading')}</p>}
          {state && 'error' in state && (
            <p className="library-error" role="alert">
              {at(`errors.${state.error.code}`, { message: state.error.message })}
            </p>
          )}
          {result && (
            <>
              <p className="compare-summary" data-testid="compare-summary" lang={ctx.language}>
                {describeSummary(result, tc)}
              </p>
              <p className="compare-legend" lang={ctx.language}>
                <del>{t('compare.legendDeleted')}</del> <ins>{t('compare.legendInserted')}</ins>
              </p>
              {parts.length > 0 && (
                <section aria-labelledby="compare-parts" lang={ctx.language}>
                  <h2 id="compare-parts">{t('compare.parts')}</h2>
                  <ul className="compare-lines">
                    {parts.map((l, i) => (
                      <li key={i}>{l.replace('\t', ' — ')}</li>
                    ))}
                  </ul>
                </section>
              )}
              {blocks.length > 0 && (
                <section aria-labelledby="compare-blocks">
                  <h2 id="compare-blocks" lang={ctx.language}>
                    {t('compare.blocks')}
                  </h2>
                  <ol className="compare-blocks">
                    {blocks.map((c, i) => {
                      const words = blockChangeWords(c, tc);
                      return (
                        <li key={i} className={`compare-block op-${c.op}`} data-testid="compare-block" data-op={c.op}>
                          <div className="compare-where" lang={ctx.language}>
                            <strong>{words?.where}</strong> {words?.what}
                          </div>
                          <div className="compare-text" data-testid="compare-text" data-document-content="">
                            <ChangeText c={c} />
                          </div>
                        </li>
                      );
                    })}
                  </ol>
                </section>
              )}
              {result.summary.renumbered > 0 && (
                <p className="mf-hint" lang={ctx.language} data-testid="compare-renumbered">
                  {t('compare.renumberedOnly', { count: result.summary.renumbered })}
                </p>
              )}
              {result.metadata.length > 0 && (
                <section aria-labelledby="compare-meta" lang={ctx.language}>
                  <h2 id="compare-meta">{t('compare.metadata')}</h2>
                  <ul className="compare-lines">
                    {result.metadata.map((m, i) => (
                      <li key={i}>{metaLine(m, tc)}</li>
                    ))}
                  </ul>
                </section>
              )}
            </>
          )}
        </div>
      </div>
    </main>
  );
}
