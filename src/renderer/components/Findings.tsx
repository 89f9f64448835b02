/**
 * The pre-submission checker's findings for the open dossier, in the language it is shown in.
 * The host runs the checker (`dossier.check`); the wording comes from locales/<lang>/checker.json
 * in the interface language. Clicking a finding scrolls the preview to its block (or part) and
 * highlights it.
 */
import { useEffect, useMemo, useState } from 'react';
import type { Finding } from '../../core/checker/index';
import type { Lang } from '../../core/model/schema';
import { listParts } from '../../core/model/walk';
import { numberDocument } from '../../core/numbering/numbering';
import type { CheckResult, Dossier, IpcError } from '../../shared/ipc-contract';
import { api } from '../api';
import { useAppTranslation, useCheckerTranslation } from '../i18n';

const ICONS: Record<Finding['severity'], string> = { error: '✖', warning: '⚠', info: 'ℹ' };

/** Scrolls the preview to the block (else the part) a finding is about, and flashes it. */
export function showInDocument(f: Pick<Finding, 'blockId' | 'partId'>): boolean {
  const selector = f.blockId !== undefined ? `[data-block-id="${CSS.escape(f.blockId)}"]` : f.partId !== undefined ? `[data-part-id="${CSS.escape(f.partId)}"]` : undefined;
  const el = selector ? document.querySelector<HTMLElement>(`[data-testid="document"] ${selector}`) : null;
  if (!el) return false;
  el.scrollIntoView({ block: 'center' });
  el.classList.remove('flash');
  void el.offsetWidth; // restart the animation
  el.classList.add('flash');
  el.dataset['focused'] = 'true';
  for (const other of document.querySelectorAll<HTMLElement>('[data-focused="true"]')) if (other !== el) delete other.dataset['focused'];
  return true;
}

export function Findings({ dossier, lang }: { dossier: Dossier; lang: Lang }) {
  const { t } = useAppTranslation();
  const { t: ct } = useCheckerTranslation();
  const [state, setState] = useState<{ key: string; result: CheckResult } | { key: string; error: IpcError } | undefined>();
  const key = `${dossier.id}:${dossier.version}:${lang}`;

  useEffect(() => {
    let current = true;
    void api.invoke('dossier.check', { id: dossier.id, lang }).then((r) => {
      if (current) setState(r.ok ? { key, result: r.value } : { key, error: r.error });
    });
    return () => {
      current = false;
    };
  }, [dossier.id, lang, key]);

  const where = useMemo(() => {
    const n = numberDocument(dossier.document, lang);
    const kinds = new Map(listParts(dossier.document).map(({ part }) => [part.id, part.kind]));
    return (f: Finding): string => {
      const label = f.blockId !== undefined ? n.blocks.get(f.blockId)?.label : undefined;
      if (label) return label;
      const partId = f.partId ?? (f.blockId !== undefined ? n.partOf.get(f.blockId) : undefined);
      if (partId === undefined) return t('checks.document');
      return n.parts.get(partId)?.label ?? ct(`part.${kinds.get(partId) ?? 'document'}`);
    };
  }, [dossier.document, lang, t, ct]);

  const ready = state !== undefined && state.key === key;
  const findings = ready && 'result' in state ? state.result.findings : [];
  const count = (s: Finding['severity']) => findings.filter((f) => f.severity === s).length;

  return (
    <section className="findings" aria-labelledby="findings-title" aria-busy={!ready} data-testid="findings" data-ready={ready} data-lang={lang}>
      <h2 id="findings-title">{t('checks.title')}</h2>
      {!ready && <p className="status">{t('checks.loading')}</p>}
      {ready && 'error' in state && (
        <p className="library-error" role="alert">
          {t(`errors.${state.error.code}`, { message: state.error.message })}
        </p>
      )}
      {ready && 'result' in state && (
        <>
          <p className="findings-summary" data-testid="findings-summary">
            {findings.length === 0 ? ct('clean') : ct('summary', { errors: count('error'), warnings: count('warning'), infos: count('info') })}
          </p>
          <ul className="finding-list">
            {findings.map((f, i) => (
              <li key={i} data-testid="finding" data-code={f.code} data-severity={f.severity}>
                <button type="button" className="finding" title={t('checks.goTo')} onClick={() => showInDocument(f)} disabled={f.blockId === undefined && f.partId === undefined}>
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
