/**
 * The document's details beside the editor: kind, languages, symbol(s) with the checker's own
 * words while they are malformed (a draft is saved whatever it holds), organs, distribution, the
 * masthead and letter dates, sessions and agenda items, the Council's year, sender and
 * addressees, the people who sign and their title lines, a statement's meeting, the job number,
 * and the generated wording. Every change is an editor update on the root's metadata: undoable,
 * autosaved, and the title, masthead, closing request, signature lines and annex headings follow
 * in the same frame.
 */
import type { ReactNode } from 'react';
import type { Finding } from '../../../core/checker/index';
import { checkSymbols } from '../../../core/checker/meta';
import {
  addresseeKindSchema,
  distributionSchema,
  documentKindSchema,
  LANGS,
  organSchema,
  type Addressee,
  type AddresseeKind,
  type Distribution,
  type DocumentKind,
  type Gender,
  type Lang,
  type Meta,
  type Organ,
  type RDocument,
} from '../../../core/model/schema';
import type { InterfaceLanguage } from '../../../shared/ipc-contract';
import { useAppTranslation, useCheckerTranslation, useWorkspaceTranslation } from '../../i18n';
import { useMeta } from '../editorState';
import { Checkbox, DraftField, Group, SelectField, optionalText, type Parsed } from './fields';
import { PeopleFields } from './PeopleFields';
import { MeetingFields, SessionFields, dateParser } from './SessionFields';
import { WordingList } from './WordingList';
import './MetadataForm.css';

const JOB_NUMBER = /^\d{2}-\d{5}$/;

/** The checker's findings on one symbol (the same words as its panel), for the field's live note. */
function symbolNote(meta: Meta, symbol: string, words: (f: Finding) => string): ReactNode {
  if (symbol.trim() === '') return undefined;
  const out: Finding[] = [];
  checkSymbols({ meta: { ...meta, symbols: [symbol] } } as RDocument, out);
  const bad = out.find((f) => f.code === 'symbol-malformed');
  return bad ? <span className="mf-error-text">{words(bad)}</span> : undefined;
}

export function MetadataForm({ language, disabled }: { language: InterfaceLanguage; disabled: boolean }) {
  const [meta, update] = useMeta();
  // The editor's first state is committed just after its first render.
  return meta ? <MetadataFields meta={meta} update={update} language={language} disabled={disabled} /> : null;
}

type FieldsProps = { meta: Meta; update: (change: (meta: Meta) => Meta) => void; language: InterfaceLanguage; disabled: boolean };

function MetadataFields({ meta, update, language, disabled }: FieldsProps) {
  const { t } = useWorkspaceTranslation();
  const { t: at } = useAppTranslation();
  const { t: ct } = useCheckerTranslation();
  const set = <K extends keyof Meta>(key: K, value: Meta[K] | undefined) =>
    update((m) => {
      const next = { ...m };
      if (value === undefined) delete next[key];
      else next[key] = value;
      return next;
    });
  const setSymbol = (i: number, value: string | undefined) =>
    update((m) => {
      const symbols = [...m.symbols];
      if (value === undefined) symbols.splice(i, 1);
      else symbols[i] = value;
      return { ...m, symbols: symbols.filter((s, j) => s !== '' || j < symbols.length - 1) };
    });
  const joint = meta.organs.includes('GA') && meta.organs.includes('SC');
  const genders: { value: Gender; label: string }[] = [
    { value: 'm', label: t('meta.genders.m') },
    { value: 'f', label: t('meta.genders.f') },
  ];
  const setAddressee = (i: number, a: Addressee | undefined) =>
    update((m) => ({ ...m, addressees: a ? m.addressees.map((x, j) => (j === i ? a : x)) : m.addressees.filter((_, j) => j !== i) }));
  const letterKinds = meta.kind !== 'presidential-statement';

  return (
    <form className="metadata-form" data-testid="metadata-form" aria-labelledby="metadata-title" onSubmit={(e) => e.preventDefault()}>
      <h2 id="metadata-title" className="panel-title">
        {t('meta.title')}
      </h2>
      {disabled && <p className="mf-hint">{t('meta.readOnly')}</p>}
      <Group legend={t('meta.document')} testId="meta-document">
        <SelectField<DocumentKind> label={t('meta.kind')} value={meta.kind} disabled={disabled} testId="meta-kind" options={documentKindSchema.options.map((k) => ({ value: k, label: at(`kinds.${k}`) }))} onChange={(kind) => set('kind', kind)} />
        <SelectField<Lang> label={t('meta.originalLanguage')} value={meta.originalLanguage} disabled={disabled} testId="meta-original" options={LANGS.map((l) => ({ value: l, label: at(`documentLanguages.${l}`) }))} onChange={(l) => set('originalLanguage', l)} />
        {[0, ...(joint || meta.symbols.length > 1 ? [1] : [])].map((i) => (
          <DraftField<string>
            key={i}
            label={t(i === 0 ? 'meta.symbol' : 'meta.secondSymbol')}
            hint={i === 0 ? t('meta.symbolHint') : undefined}
            value={meta.symbols[i] ?? ''}
            disabled={disabled}
            testId={`meta-symbol-${i}`}
            parse={optionalText}
            note={symbolNote(meta, meta.symbols[i] ?? '', (f) => ct(f.code, f.params))}
            onCommit={(v) => setSymbol(i, v)}
          />
        ))}
        <div className="mf-field" role="group" aria-labelledby="meta-organs-label">
          <span id="meta-organs-label" className="mf-label">
            {t('meta.organs')}
          </span>
          {organSchema.options.map((o: Organ) => (
            <Checkbox
              key={o}
              label={t(`meta.organNames.${o}`)}
              checked={meta.organs.includes(o)}
              // A document belongs to one organ at least: the last one cannot be unticked.
              disabled={disabled || (meta.organs.length === 1 && meta.organs[0] === o)}
              testId={`meta-organ-${o}`}
              onChange={(on) => update((m) => ({ ...m, organs: organSchema.options.filter((x) => (x === o ? on : m.organs.includes(x))) }))}
            />
          ))}
        </div>
        <SelectField<Distribution>
          label={t('meta.distribution')}
          value={meta.distribution}
          disabled={disabled}
          testId="meta-distribution"
          options={distributionSchema.options.map((d) => ({ value: d, label: t(`meta.distributions.${d}`) }))}
          onChange={(d) => set('distribution', d)}
        />
        <DraftField<string> label={t('meta.issueDate')} type="date" value={meta.issueDate ?? ''} disabled={disabled} testId="meta-issue-date" parse={dateParser(t('meta.dateInvalid'))} onCommit={(v) => set('issueDate', v)} />
        {letterKinds && <DraftField<string> label={t('meta.letterDate')} type="date" value={meta.letterDate ?? ''} disabled={disabled} testId="meta-letter-date" parse={dateParser(t('meta.dateInvalid'))} onCommit={(v) => set('letterDate', v)} />}
        <DraftField<string>
          label={t('meta.jobNumber')}
          value={meta.jobNumber ?? ''}
          size="short"
          placeholder="17-02619"
          disabled={disabled}
          testId="meta-job-number"
          parse={(s): Parsed<string> => (s.trim() === '' ? { ok: true, value: undefined } : JOB_NUMBER.test(s.trim()) ? { ok: true, value: s.trim() } : { ok: false, error: t('meta.jobNumberInvalid') })}
          onCommit={(v) => set('jobNumber', v)}
        />
      </Group>

      {letterKinds && (
        <Group legend={t('meta.letter')} testId="meta-letter">
          <div className="mf-field" role="group" aria-labelledby="meta-addressees-label">
            <span id="meta-addressees-label" className="mf-label">
              {t('meta.addressees')}
            </span>
            {meta.addressees.map((a, i) => (
              <fieldset key={i} className="mf-item" data-testid="meta-addressee">
                <legend>{t('meta.addressee', { n: i + 1 })}</legend>
                <SelectField<AddresseeKind>
                  label={t('meta.role')}
                  value={a.kind}
                  disabled={disabled}
                  testId="addressee-kind"
                  options={addresseeKindSchema.options.map((k) => ({ value: k, label: t(`meta.addresseeKinds.${k}`) }))}
                  onChange={(kind) => setAddressee(i, { ...a, kind })}
                />
                <SelectField<Gender> label={t('meta.gender')} value={a.gender} options={genders} disabled={disabled} testId="addressee-gender" onChange={(gender) => setAddressee(i, { ...a, gender })} />
                <DraftField<string>
                  label={t('meta.addresseeName')}
                  value={a.name ?? ''}
                  disabled={disabled}
                  testId="addressee-name"
                  parse={optionalText}
                  onCommit={(name) => setAddressee(i, { kind: a.kind, gender: a.gender, ...(name ? { name } : {}) })}
                />
                <button type="button" className="link mf-remove" disabled={disabled} data-testid="addressee-remove" onClick={() => setAddressee(i, undefined)}>
                  {t('meta.removeAddressee', { n: i + 1 })}
                </button>
              </fieldset>
            ))}
            <button
              type="button"
              className="mf-add"
              disabled={disabled || meta.addressees.length >= addresseeKindSchema.options.length}
              data-testid="addressee-add"
              onClick={() =>
                update((m) => {
                  const free = addresseeKindSchema.options.find((k) => !m.addressees.some((a) => a.kind === k)) ?? 'secretary-general';
                  return { ...m, addressees: [...m.addressees, { kind: free, gender: 'm' }] };
                })
              }
            >
              {t('meta.addAddressee')}
            </button>
          </div>
          <DraftField<string> label={t('meta.reference')} value={meta.reference ?? ''} disabled={disabled} testId="meta-reference" parse={optionalText} onCommit={(v) => set('reference', v)} />
          {meta.addressees.length > 1 && (
            <Checkbox label={t('meta.identicalLetters')} checked={meta.identicalLetters === true} disabled={disabled} testId="meta-identical" onChange={(on) => set('identicalLetters', on ? true : undefined)} />
          )}
        </Group>
      )}

      <PeopleFields meta={meta} update={update} language={language} disabled={disabled} />
      <SessionFields meta={meta} update={update} disabled={disabled} />
      {meta.kind === 'presidential-statement' && <MeetingFields meta={meta} update={update} disabled={disabled} />}
      <WordingList disabled={disabled} />
    </form>
  );
}
