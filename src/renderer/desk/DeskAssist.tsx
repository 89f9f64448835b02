/**
 * What the desk offers for the current row: the translation memory's exact and near matches of
 * its source (`translation.memory`: the library's bilingual dossiers, with the percentage, the
 * words that differ from this row's source marked, and where each comes from), of which Alt+1…5
 * (or a click) inserts one; and the terms the source row has (the dossier's glossary, the States,
 * organs and UN phrases the product knows) with their translation and whether the translation
 * has it yet, a click inserting it at the caret (neither is offered where nothing may be written).
 */
import { forwardRef, useEffect, useImperativeHandle, useMemo, useRef, useState } from 'react';
import type { MemoryMatch } from '../../shared/ipc-contract';
import type { RowStatus, TranslationRow } from '../../core/translation/status';
import { findTerms, type TermPair } from '../../core/translation/terms';
import type { TranslationPair } from '../../core/translation/versions';
import { api } from '../api';
import { useAppTranslation } from '../i18n';

export type AssistHandle = {
  insert: (index: number) => void;
  /** The current row's translation as it now reads (for the terms it has yet). */
  targetText: (text: string) => void;
};

type Props = {
  dossierId: string;
  pair: TranslationPair;
  row: TranslationRow | undefined;
  label: string;
  status: RowStatus | undefined;
  sourceText: string;
  terms: readonly TermPair[];
  readOnly: boolean;
  onInsertMatch: (text: string) => void;
  onInsertTerm: (text: string) => void;
  /** Brings the row back into view, with the caret in it (the translator may have scrolled away). */
  onShowRow: () => void;
};

type Memory = { key: string; state: 'searching' } | { key: string; state: 'done'; matches: MemoryMatch[] } | { key: string; state: 'error'; message: string };

/** How long the caret rests on a row before the library is asked (moving row to row asks once). */
const ASK_AFTER_MS = 120;

export const DeskAssist = forwardRef<AssistHandle, Props>(function DeskAssist({ dossierId, pair, row, label, status, sourceText, terms, readOnly, onInsertMatch, onInsertTerm, onShowRow }, ref) {
  const { t } = useAppTranslation();
  const [memory, setMemory] = useState<Memory | undefined>();
  const [targetText, setTargetText] = useState('');
  const typing = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  useEffect(() => () => clearTimeout(typing.current), []);
  const key = row ? `${row.id}\u0000${sourceText}` : '';

  useEffect(() => {
    if (!row || sourceText === '') {
      setMemory(undefined);
      return;
    }
    let live = true;
    setMemory({ key, state: 'searching' });
    const timer = setTimeout(() => {
      void api.invoke('translation.memory', { text: sourceText, source: pair.source, target: pair.target, exclude: { dossierId, blockId: row.id }, limit: 5 }).then(
        (r) => live && setMemory(r.ok ? { key, state: 'done', matches: r.value } : { key, state: 'error', message: r.error.message }),
        (e: unknown) => live && setMemory({ key, state: 'error', message: String(e) }),
      );
    }, ASK_AFTER_MS);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  // eslint-disable-next-line react-hooks/exhaustive-deps -- the key is the row and its source text; the dossier and pair are fixed while the desk is open
  }, [key]);

  const matches = useMemo(() => (memory?.key === key && memory.state === 'done' ? memory.matches : []), [memory, key]);
  useImperativeHandle(
    ref,
    () => ({
      insert: (i) => !readOnly && matches[i] && onInsertMatch(matches[i].target),
      // Typing re-reads the terms when the translator pauses, not at each key.
      targetText: (text) => {
        clearTimeout(typing.current);
        typing.current = setTimeout(() => setTargetText(text), 250);
      },
    }),
    [matches, onInsertMatch, readOnly],
  );

  const found = useMemo(() => {
    const hits = findTerms(sourceText, pair.source, terms);
    const seen = new Set<string>();
    return hits.filter((h) => {
      const k = `${h.term.fr}\u0000${h.term.en}`;
      return !seen.has(k) && seen.add(k);
    });
  }, [sourceText, terms, pair.source]);

  if (!row) {
    return (
      <aside className="rk-desk-assist" aria-label={t('desk.assist.label')} data-testid="desk-assist">
        <p className="rk-desk-assist-empty">{t('desk.assist.noRow')}</p>
      </aside>
    );
  }
  const heading = row.kind === 'part-title' ? t('desk.assist.rowTitle') : label ? t('desk.assist.row', { label }) : t('desk.assist.rowUnnumbered');
  return (
    <aside className="rk-desk-assist" aria-label={t('desk.assist.label')} data-testid="desk-assist" data-row={row.id}>
      <div className="rk-desk-assist-head">
        <button type="button" className="link rk-desk-assist-row" data-testid="desk-assist-row" title={t('desk.assist.showRow')} onClick={onShowRow}>
          {heading}
        </button>
        {status && (
          <span className="rk-desk-status" data-status={status}>
            {t(`desk.status.${status}`)}
          </span>
        )}
        <span className="rk-desk-keys">{t('desk.keys')}</span>
      </div>
      <div className="rk-desk-assist-body">
        <section className="rk-desk-memory" aria-label={t('desk.assist.memory')}>
          <h3>{t('desk.assist.memory')}</h3>
          {memory?.key === key && memory.state === 'searching' && <p className="rk-desk-muted">{t('desk.assist.searching')}</p>}
          {memory?.key === key && memory.state === 'error' && <p className="rk-desk-muted">{t('desk.assist.unavailable', { message: memory.message })}</p>}
          {memory?.key === key && memory.state === 'done' && matches.length === 0 && <p className="rk-desk-muted">{t('desk.assist.none')}</p>}
          <ol className="rk-desk-matches" data-testid="desk-matches">
            {matches.map((m, i) => (
              <li key={`${m.dossierId}:${m.blockId}`} data-percent={m.percent}>
                <button type="button" className="rk-desk-match" disabled={readOnly} aria-label={t('desk.assist.insertLabel', { n: i + 1, text: m.target })} onClick={() => onInsertMatch(m.target)}>
                  <span className={m.percent === 100 ? 'rk-desk-percent exact' : 'rk-desk-percent'}>{t('desk.assist.percent', { percent: m.percent })}</span>
                  <span className="rk-desk-match-texts">
                    <span className="rk-desk-match-source" lang={pair.source} data-testid="match-source">
                      {m.runs.map((r, j) =>
                        r.op === 'delete' ? (
                          <del key={j}>{r.text}</del>
                        ) : r.op === 'insert' ? (
                          <ins key={j}>{r.text}</ins>
                        ) : (
                          <span key={j}>{r.text}</span>
                        ),
                      )}
                    </span>
                    <span className="rk-desk-match-target" lang={pair.target} data-testid="match-target">
                      {m.target}
                    </span>
                    <span className="rk-desk-match-from">{m.label ? t('desk.assist.from', { title: m.dossierTitle, label: m.label }) : t('desk.assist.fromNoLabel', { title: m.dossierTitle })}</span>
                  </span>
                  <kbd>Alt+{i + 1}</kbd>
                </button>
              </li>
            ))}
          </ol>
        </section>
        <section className="rk-desk-terms" aria-label={t('desk.assist.terms')}>
          <h3>{t('desk.assist.terms')}</h3>
          {found.length === 0 && <p className="rk-desk-muted">{t('desk.assist.noTerms')}</p>}
          <ul data-testid="desk-terms">
            {found.map((h) => {
              const present = findTerms(targetText, pair.target, [h.term]).length > 0;
              return (
                <li key={`${h.term.fr}:${h.term.en}`} data-origin={h.term.origin} data-present={present}>
                  <span lang={pair.source}>{h.term[pair.source]}</span> →{' '}
                  <button type="button" className="link" disabled={readOnly} lang={pair.target} title={t('desk.assist.insertTerm', { term: h.term[pair.target] })} onClick={() => onInsertTerm(h.term[pair.target])}>
                    {h.term[pair.target]}
                  </button>{' '}
                  <span className="rk-desk-muted">
                    ({t(`desk.assist.origin.${h.term.origin}`)}, {present ? t('desk.assist.present') : t('desk.assist.missing')})
                  </span>
                </li>
              );
            })}
          </ul>
        </section>
      </div>
    </aside>
  );
});
