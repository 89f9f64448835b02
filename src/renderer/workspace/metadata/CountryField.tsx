/**
 * A State, chosen by typing its name in the interface language: the browser's own list
 * (<datalist>) filters as one types; a name from the list (case and accents aside) sets the
 * State's code, anything else is shown as not (yet) a State and not saved.
 */
import { useCallback, useEffect, useId, useMemo, useRef, useState } from 'react';
import { allCountries, findCountry } from '../../../core/locale/countries';
import type { InterfaceLanguage } from '../../../shared/ipc-contract';

const fold = (s: string) => s.normalize('NFD').replace(/\p{M}+/gu, '').toLowerCase().trim();

export function CountryField({ label, code, language, onCommit, hint, unknown, disabled, testId }: {
  label: string;
  code: string | undefined;
  language: InterfaceLanguage;
  onCommit: (code: string | undefined) => void;
  hint: string;
  unknown: string;
  disabled?: boolean;
  testId?: string;
}) {
  const id = useId();
  const names = useMemo(() => {
    const collator = new Intl.Collator(language === 'fr' ? 'fr' : 'en', { sensitivity: 'base' });
    return allCountries()
      .map((c) => ({ code: c.code, name: c[language].name }))
      .sort((a, b) => collator.compare(a.name, b.name));
  }, [language]);
  const nameOf = useCallback((c: string | undefined) => (c ? (findCountry(c)?.[language].name ?? c) : ''), [language]);
  const [text, setText] = useState(nameOf(code));
  const last = useRef(code);
  useEffect(() => {
    if (code !== last.current) {
      last.current = code;
      setText(nameOf(code));
    }
  }, [code, nameOf]);
  // The interface language changed: the same State, named in it.
  useEffect(() => setText(nameOf(last.current)), [nameOf]);
  const match = names.find((n) => fold(n.name) === fold(text));
  const invalid = text.trim() !== '' && !match;
  return (
    <div className="mf-field">
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        type="text"
        list={`${id}-states`}
        value={text}
        disabled={disabled}
        autoComplete="off"
        aria-invalid={invalid ? true : undefined}
        aria-describedby={`${id}-hint${invalid ? ` ${id}-error` : ''}`}
        data-testid={testId}
        data-code={code ?? ''}
        onChange={(e) => {
          const next = e.target.value;
          setText(next);
          const hit = names.find((n) => fold(n.name) === fold(next));
          if (hit && hit.code !== last.current) {
            last.current = hit.code;
            onCommit(hit.code);
          } else if (next.trim() === '' && last.current !== undefined) {
            last.current = undefined;
            onCommit(undefined);
          }
        }}
      />
      <datalist id={`${id}-states`}>
        {names.map((n) => (
          <option key={n.code} value={n.name} />
        ))}
      </datalist>
      <span id={`${id}-hint`} className="mf-hint">
        {hint}
      </span>
      {invalid && (
        <span id={`${id}-error`} className="mf-error" role="status">
          {unknown}
        </span>
      )}
    </div>
  );
}
