/**
 * The checker's findings on the text as it is in the editor (checked in a worker after each
 * autosave, see ./liveChecks.ts), worded in the interface language (locales checker.json);
 * clicking one goes to its block. Above them, the word count against the Editorial Manual's
 * limits, for the whole document and per part.
 */
import type { Finding } from '../../../core/checker/index';
import { WORD_LIMITS, type WordCount } from '../../../core/checker/wordcount';
import type { InterfaceLanguage } from '../../../shared/ipc-contract';
import { useAppTranslation, useCheckerTranslation, useWorkspaceTranslation } from '../../i18n';
import { goToInEditor, useEditor } from '../editorState';
import type { LocatedFinding } from './protocol';
import './ChecksPanel.css';

const ICONS: Record<Finding['severity'], string> = { error: '✖', warning: '⚠', info: 'ℹ' };

export type LiveState = { findings: LocatedFinding[]; words: WordCount; checkedAt: number; via: 'worker' | 'main' } | undefined;

function WordCountTable({ words, language }: { words: WordCount; language: InterfaceLanguage }) {
  const { t } = useWorkspaceTranslation();
  const fmt = new Intl.NumberFormat(language === 'fr' ? 'fr-FR' : 'en-GB');
  const over = (n: number) => (n > WORD_LIMITS.other ? t('words.overOther', { limit: fmt.format(WORD_LIMITS.other) }) : n > WORD_LIMITS.secretariat ? t('words.overSecretariat', { limit: fmt.format(WORD_LIMITS.secretariat) }) : '');
  const partName = (p: WordCount['parts'][number]) => p.label ?? t(`outline.parts.${p.kind}`);
  return (
    <section className="word-count" aria-labelledby="word-count-title" data-testid="word-count" data-total={words.total}>
      <h3 id="word-count-title">{t('words.title')}</h3>
      <p className="word-total">
        <strong data-testid="word-total">{t('words.count', { count: fmt.format(words.total) })}</strong>
        {words.footnotes > 0 && <span> ({t('words.footnotes', { count: fmt.format(words.footnotes) })})</span>}
        {over(words.total) !== '' && (
          <span className="word-over" data-testid="word-over">
            {' '}
            — {over(words.total)}
          </span>
        )}
      </p>
      {words.parts.length > 1 && (
        <table className="word-parts">
          <thead>
            <tr>
              <th scope="col">{t('words.part')}</th>
              <th scope="col">{t('words.words')}</th>
            </tr>
          </thead>
          <tbody>
            {words.parts.map((p) => (
              <tr key={p.partId} data-testid="word-part" data-part={p.partId}>
                <th scope="row" style={{ paddingInlineStart: `${4 + p.depth * 12}px` }}>
                  {partName(p)}
                </th>
                <td>{fmt.format(p.words)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <p className="mf-hint">{t('words.limits', { secretariat: fmt.format(WORD_LIMITS.secretariat), other: fmt.format(WORD_LIMITS.other) })}</p>
    </section>
  );
}

export function ChecksPanel({ live, language }: { live: LiveState; language: InterfaceLanguage }) {
  const editor = useEditor();
  const onGo = (f: LocatedFinding) => goToInEditor(editor, f);
  const { t } = useAppTranslation();
  const { t: wt } = useWorkspaceTranslation();
  const { t: ct } = useCheckerTranslation();
  const ready = live !== undefined;
  const findings = live?.findings ?? [];
  const count = (s: Finding['severity']) => findings.filter((f) => f.severity === s).length;
  const where = (f: LocatedFinding) => f.label ?? (f.partKind ? ct(`part.${f.partKind}`) : t('checks.document'));
  const time = live ? new Intl.DateTimeFormat(language === 'fr' ? 'fr-FR' : 'en-GB', { timeStyle: 'medium' }).format(live.checkedAt) : '';
  return (
    <section className="findings" aria-labelledby="findings-title" aria-busy={!ready} data-testid="findings" data-ready={ready} data-via={live?.via}>
      <h2 id="findings-title" className="panel-title">
        {t('checks.title')}
      </h2>
      {!ready && <p className="status">{t('checks.loading')}</p>}
      {live && (
        <>
          <WordCountTable words={live.words} language={language} />
          <p className="findings-summary" data-testid="findings-summary" role="status">
            {findings.length === 0 ? ct('clean') : ct('summary', { errors: ct('summaryErrors', { count: count('error') }), warnings: ct('summaryWarnings', { count: count('warning') }), infos: ct('summaryInfos', { count: count('info') }) })}
          </p>
          <p className="mf-hint" data-testid="checked-at">
            {wt('live.checkedAt', { time })}
          </p>
          <ul className="finding-list">
            {findings.map((f, i) => (
              <li key={i} data-testid="finding" data-code={f.code} data-severity={f.severity} data-block={f.blockId ?? ''}>
                <button type="button" className="finding" title={t('checks.goTo')} onClick={() => onGo(f)} disabled={f.blockId === undefined && f.partId === undefined}>
                  <span className={`severity severity-${f.severity}`} role="img" aria-label={ct(`severity.${f.severity}`)}>
                    {ICONS[f.severity]}
                  </span>
                  <span className="finding-text">
                    <span className="finding-where">{where(f)}</span> <span className="finding-message">{ct(f.code, f.params)}</span>
                  </span>
                </button>
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
