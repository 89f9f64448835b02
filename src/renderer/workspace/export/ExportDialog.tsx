/**
 * File > Export…: the format (DOCX, PDF, the HTML print view), the profile (issued, manuscript,
 * the mission's letterhead), the paper and the language version (the default version chosen
 * first, a version lacking text marked), then the file goes where ../../files/destination.ts
 * says (a download in a browser, the save dialog in the desktop app). The checker's errors in
 * that version come first, and the export waits for "Export anyway"; while it runs the dialog
 * shows which of its steps it is at (saving the text on screen, the host making the file, the
 * file handed over: a download, or the save dialog), as a bar and in words; a failure is worded
 * in plain words and the dialog stays open.
 */
import { useEffect, useId, useState } from 'react';
import { LANGS, type Lang } from '../../../core/model/schema';
import { defaultVersion, missingText } from '../../../core/model/versions';
import { EXPORT_FORMATS, EXPORT_PROFILES, PAPERS, type ExportFormat, type ExportProfile, type Paper } from '../../../core/render/options';
import type { Finding } from '../../../core/checker/index';
import type { Dossier, IpcError } from '../../../shared/ipc-contract';
import { api } from '../../api';
import { Dialog } from '../../components/Dialog';
import { fileDestination } from '../../files/destination';
import { useAppTranslation, useCheckerTranslation, useWorkspaceTranslation } from '../../i18n';
import './export.css';

type Props = {
  dossier: Dossier;
  /** Saves what is on screen first; the text as stored. */
  flush: () => Promise<unknown>;
  onDone: (shownAs: string) => void;
  onCancel: () => void;
};

/** The export's steps, in order: each is awaited before the next starts, so the bar says where it is. */
const STEPS = ['saving', 'building', 'delivering'] as const;
type Step = (typeof STEPS)[number];

function Choice<T extends string>({ legend, name, values, value, label, onChange, testId, disabled }: { legend: string; name: string; values: readonly T[]; value: T; label: (v: T) => string; onChange: (v: T) => void; testId: string; disabled: boolean }) {
  const id = useId();
  return (
    <fieldset className="export-choice" data-testid={testId} disabled={disabled}>
      <legend>{legend}</legend>
      {values.map((v) => (
        <label key={v} htmlFor={`${id}-${v}`}>
          <input id={`${id}-${v}`} type="radio" name={name} value={v} checked={v === value} data-testid={`${testId}-${v}`} onChange={() => onChange(v)} /> {label(v)}
        </label>
      ))}
    </fieldset>
  );
}

export function ExportDialog({ dossier, flush, onDone, onCancel }: Props) {
  const { t } = useWorkspaceTranslation();
  const { t: at } = useAppTranslation();
  const { t: ct } = useCheckerTranslation();
  const doc = dossier.document;
  const versions = LANGS.filter((l) => doc.text[l] !== undefined);
  const [format, setFormat] = useState<ExportFormat>('docx');
  const [profile, setProfile] = useState<ExportProfile>(doc.meta.kind === 'letter' ? 'letterhead' : 'issued');
  const [paper, setPaper] = useState<Paper>('letter');
  const [lang, setLang] = useState<Lang>(defaultVersion(doc));
  const [errors, setErrors] = useState<Finding[] | undefined>();
  const [anyway, setAnyway] = useState(false);
  const [step, setStep] = useState<Step | undefined>();
  // While it runs the choices are fixed: the file being made is the one they say.
  const busy = step !== undefined;
  const [failure, setFailure] = useState<IpcError | undefined>();

  // The checker on the stored text of the version to export (what is on screen saved first).
  useEffect(() => {
    let live = true;
    setErrors(undefined);
    setAnyway(false);
    void flush().then(() =>
      api.invoke('dossier.check', { id: dossier.id, lang }).then((r) => {
        if (live) setErrors(r.ok ? r.value.findings.filter((f) => f.severity === 'error') : []);
      }),
    );
    return () => {
      live = false;
    };
  }, [dossier.id, lang, flush]);

  const missing = (l: Lang) => missingText(doc, l).size;
  const blocked = errors === undefined || (errors.length > 0 && !anyway);

  const exportNow = async () => {
    setFailure(undefined);
    try {
      setStep('saving');
      await flush();
      setStep('building');
      const r = await api.invoke('export.document', { id: dossier.id, format, profile, paper, lang });
      if (!r.ok) return setFailure(r.error);
      setStep('delivering');
      const saved = await fileDestination().save({ name: r.value.fileName, mime: r.value.mime, bytes: r.value.bytes });
      if (saved !== 'cancelled') onDone(saved.shownAs);
    } catch (e) {
      setFailure({ code: 'internal', message: e instanceof Error ? e.message : String(e) });
    } finally {
      setStep(undefined);
    }
  };

  return (
    <Dialog title={t('export.title')} confirm={t(busy ? 'export.exporting' : 'export.confirm')} cancel={t('dialog.cancel')} busy={busy || blocked} testId="export-dialog" onConfirm={() => void exportNow()} onCancel={onCancel}>
      {errors === undefined ? (
        <p className="mf-hint" role="status">
          {t('export.checking')}
        </p>
      ) : (
        errors.length > 0 && (
          <div className="export-errors" data-testid="export-errors" role="group" aria-labelledby="export-errors-title">
            <p id="export-errors-title" className="mf-error">
              {t('export.errors', { count: errors.length })}
            </p>
            {/* It scrolls when long: focusable, so the keyboard scrolls it too. */}
            <ul tabIndex={0} aria-labelledby="export-errors-title">
              {errors.map((f, i) => (
                <li key={i} data-code={f.code}>
                  {ct(f.code, f.params)}
                </li>
              ))}
            </ul>
            <label>
              <input type="checkbox" checked={anyway} data-testid="export-anyway" onChange={(e) => setAnyway(e.target.checked)} /> {t('export.anyway')}
            </label>
          </div>
        )
      )}
      <Choice legend={t('export.format')} name="export-format" values={EXPORT_FORMATS} value={format} label={(v) => t(`export.formats.${v}`)} onChange={setFormat} testId="export-format"  disabled={busy} />
      <Choice legend={t('export.profile')} name="export-profile" values={EXPORT_PROFILES} value={profile} label={(v) => t(`export.profiles.${v}`)} onChange={setProfile} testId="export-profile"  disabled={busy} />
      <Choice legend={t('export.paper')} name="export-paper" values={PAPERS} value={paper} label={(v) => t(`export.papers.${v}`)} onChange={setPaper} testId="export-paper"  disabled={busy} />
      <Choice
        legend={t('export.version')}
        name="export-lang"
        values={versions}
        value={lang}
        label={(l) => `${at(`documentLanguages.${l}`)}${l === defaultVersion(doc) ? ` ${t('export.default')}` : ''}${missing(l) > 0 ? ` ${t('export.missing', { count: missing(l) })}` : ''}`}
        onChange={setLang}
        testId="export-lang"
        disabled={busy}
      />
      {step && (
        <p role="status" className="export-progress" data-testid="export-progress" data-step={step}>
          <progress max={STEPS.length} value={STEPS.indexOf(step)} aria-label={t('export.exporting')} />
          <span>{t('export.progress', { n: STEPS.indexOf(step) + 1, total: STEPS.length, step: t(`export.steps.${step}`, { format: t(`export.formats.${format}`) }) })}</span>
        </p>
      )}
      {failure && (
        <p className="mf-error" role="alert" data-testid="export-failure" data-code={failure.code}>
          {t('export.failed')} {at(`errors.${failure.code}`, { message: failure.message })}
        </p>
      )}
    </Dialog>
  );
}
