/**
 * The metadata form's fields. A field keeps what is typed while it is not (yet) a value the
 * model accepts — a half-typed date, a job number without its dash — and commits it as soon as
 * it is one; the model only ever holds valid values, so a draft always saves. When the value
 * changes from elsewhere (undo, another field), the field shows it.
 *
 * A date field also shows its date written out in the interface language (« 2 décembre 2026 »):
 * Chromium draws input[type=date] in the browser's locale, not the page's, so a French interface
 * in an English browser would otherwise show only "12/02/2026", read the wrong way round. For the
 * same reason an empty date reads « Aucune date », not the browser's « mm/dd/yyyy », until it is
 * typed in.
 */
import { useEffect, useId, useRef, useState, type ReactNode } from 'react';
import { formatDate } from '../../../core/locale/dates';
import { useWorkspaceTranslation } from '../../i18n';

/** A parse result: a value to commit (undefined: clear it), or why the text is not one yet. */
export type Parsed<T> = { ok: true; value: T | undefined } | { ok: false; error: string };

type DraftProps<T> = {
  label: string;
  /** The committed value as text ('' when there is none). */
  value: string;
  parse: (text: string) => Parsed<T>;
  onCommit: (value: T | undefined) => void;
  type?: 'text' | 'date' | 'number';
  hint?: string;
  /** Shown under the field even when it parses (live validation of a value the model accepts, e.g. a symbol the checker finds malformed). */
  note?: ReactNode;
  disabled?: boolean;
  testId?: string;
  list?: string;
  placeholder?: string;
  inputMode?: 'numeric' | 'text';
  size?: 'short' | 'long';
};

export function DraftField<T>({ label, value, parse, onCommit, type = 'text', hint, note, disabled, testId, list, placeholder, inputMode, size }: DraftProps<T>) {
  const id = useId();
  const [text, setText] = useState(value);
  const [error, setError] = useState<string | undefined>();
  const last = useRef(value);
  // A new committed value from elsewhere replaces what the field shows, unless it is what the field just committed.
  useEffect(() => {
    if (value !== last.current) {
      last.current = value;
      setText(value);
      setError(undefined);
    }
  }, [value]);
  const change = (next: string) => {
    setText(next);
    const r = parse(next);
    if (r.ok) {
      setError(undefined);
      last.current = next;
      onCommit(r.value);
    } else setError(r.error);
  };
  const { t, i18n } = useWorkspaceTranslation();
  const words = type === 'date' && error === undefined ? dateInWords(text, i18n.language === 'fr' ? 'fr' : 'en') : undefined;
  const describedBy = [words ? `${id}-words` : '', hint ? `${id}-hint` : '', error ? `${id}-error` : '', note ? `${id}-note` : ''].filter(Boolean).join(' ') || undefined;
  const input = (
    <input
      id={id}
      type={type}
      value={text}
      disabled={disabled}
      list={list}
      placeholder={placeholder}
      inputMode={inputMode}
      aria-invalid={error ? true : undefined}
      aria-describedby={describedBy}
      data-testid={testId}
      onChange={(e) => change(e.target.value)}
    />
  );
  return (
    <div className={`mf-field${size ? ` mf-${size}` : ''}`}>
      <label htmlFor={id}>{label}</label>
      {type === 'date' ? (
        // Empty and not being typed in, the date says so in the interface language, over the
        // browser's own « mm/dd/yyyy » (entering a date is the browser's control, unchanged).
        <span className="mf-date-input" data-empty={text === '' ? '' : undefined}>
          {input}
          {text === '' && (
            <span className="mf-date-empty" aria-hidden="true" data-testid={testId ? `${testId}-empty` : undefined}>
              {t('meta.noDate')}
            </span>
          )}
        </span>
      ) : (
        input
      )}
      {words && (
        <span id={`${id}-words`} className="mf-date-words" data-testid={testId ? `${testId}-words` : undefined}>
          {words}
        </span>
      )}
      {hint && (
        <span id={`${id}-hint`} className="mf-hint">
          {hint}
        </span>
      )}
      {error && (
        <span id={`${id}-error`} className="mf-error" role="status" data-testid={testId ? `${testId}-error` : undefined}>
          {error}
        </span>
      )}
      {note && (
        <span id={`${id}-note`} className="mf-note" data-testid={testId ? `${testId}-note` : undefined}>
          {note}
        </span>
      )}
    </div>
  );
}

/** "2026-12-02" → « 2 décembre 2026 » / "2 December 2026"; nothing for an empty or half-typed date. */
function dateInWords(text: string, lang: 'fr' | 'en'): string | undefined {
  try {
    return text === '' ? undefined : formatDate(text, lang);
  } catch {
    return undefined;
  }
}

/** A multi-line field whose lines are a list (title lines); committed as typed. */
export function LinesField({ label, value, onCommit, hint, disabled, testId }: { label: string; value: string[] | undefined; onCommit: (lines: string[] | undefined) => void; hint?: string; disabled?: boolean; testId?: string }) {
  const id = useId();
  const joined = (value ?? []).join('\n');
  const [text, setText] = useState(joined);
  const last = useRef(joined);
  useEffect(() => {
    if (joined !== last.current) {
      last.current = joined;
      setText(joined);
    }
  }, [joined]);
  return (
    <div className="mf-field">
      <label htmlFor={id}>{label}</label>
      <textarea
        id={id}
        rows={2}
        value={text}
        disabled={disabled}
        aria-describedby={hint ? `${id}-hint` : undefined}
        data-testid={testId}
        onChange={(e) => {
          setText(e.target.value);
          const lines = e.target.value.split('\n').map((l) => l.trim()).filter((l) => l !== '');
          last.current = lines.join('\n');
          onCommit(lines.length > 0 ? lines : undefined);
        }}
      />
      {hint && (
        <span id={`${id}-hint`} className="mf-hint">
          {hint}
        </span>
      )}
    </div>
  );
}

/** `hint`: shown under the select (what the current choice means, when its name alone is too short to say it). */
export function SelectField<V extends string>({ label, value, options, onChange, hint, disabled, testId }: { label: string; value: V; options: { value: V; label: string }[]; onChange: (v: V) => void; hint?: string; disabled?: boolean; testId?: string }) {
  const id = useId();
  return (
    <div className="mf-field">
      <label htmlFor={id}>{label}</label>
      <select id={id} value={value} disabled={disabled} aria-describedby={hint ? `${id}-hint` : undefined} data-testid={testId} onChange={(e) => onChange(e.target.value as V)}>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
      {hint && (
        <span id={`${id}-hint`} className="mf-hint" data-testid={testId ? `${testId}-hint` : undefined}>
          {hint}
        </span>
      )}
    </div>
  );
}

export function Checkbox({ label, checked, onChange, disabled, testId }: { label: string; checked: boolean; onChange: (v: boolean) => void; disabled?: boolean; testId?: string }) {
  return (
    <label className="mf-check">
      <input type="checkbox" checked={checked} disabled={disabled} data-testid={testId} onChange={(e) => onChange(e.target.checked)} />
      <span>{label}</span>
    </label>
  );
}

/** A titled group of fields (a <fieldset>, so its legend names every field in it). */
export function Group({ legend, children, testId }: { legend: string; children: ReactNode; testId?: string }) {
  return (
    <fieldset className="mf-group" data-testid={testId}>
      <legend>{legend}</legend>
      {children}
    </fieldset>
  );
}

/** Text → a value or nothing: '' clears it. */
export const optionalText = (text: string): Parsed<string> => ({ ok: true, value: text.trim() === '' ? undefined : text });

/** A whole number above zero, '' for none. */
export function positiveInt(error: string) {
  return (text: string): Parsed<number> => {
    const t = text.trim();
    if (t === '') return { ok: true, value: undefined };
    return /^\d+$/.test(t) && Number(t) > 0 && Number.isSafeInteger(Number(t)) ? { ok: true, value: Number(t) } : { ok: false, error };
  };
}
