/**
 * The dossier's glossary (term → translation), edited at the desk: add an entry, change one,
 * remove one. Stored with the document (`translation.glossary`) by the translation's autosave.
 * Where nothing may be written (`readOnly`), the entries are shown only.
 */
import { useState } from 'react';
import type { GlossaryEntry } from '../../core/model/schema';
import type { TranslationPair } from '../../core/translation/versions';
import { useAppTranslation } from '../i18n';
import '../editor/components/panel.css';

type Props = {
  pair: TranslationPair;
  entries: readonly GlossaryEntry[];
  onChange: (entries: GlossaryEntry[]) => void;
  onClose: () => void;
  readOnly?: boolean;
};

export function GlossaryEditor({ pair, entries, onChange, onClose, readOnly = false }: Props) {
  const { t } = useAppTranslation();
  const [term, setTerm] = useState('');
  const [translation, setTranslation] = useState('');
  const [incomplete, setIncomplete] = useState(false);
  const lang = (l: 'fr' | 'en') => t(`documentLanguages.${l}`);
  const add = () => {
    if (term.trim() === '' || translation.trim() === '') {
      setIncomplete(true);
      return;
    }
    onChange([...entries, { [pair.source]: term.trim(), [pair.target]: translation.trim() } as GlossaryEntry]);
    setTerm('');
    setTranslation('');
    setIncomplete(false);
  };
  const edit = (i: number, side: 'source' | 'target', value: string) => {
    if (value.trim() === '') return;
    onChange(entries.map((e, j) => (j === i ? { ...e, [pair[side]]: value.trim() } : e)));
  };
  return (
    <section className="rk-panel rk-desk-glossary" aria-label={t('desk.glossary.title')} data-testid="glossary">
      <h2>{t('desk.glossary.title')}</h2>
      <p className="rk-desk-muted">{t('desk.glossary.hint')}</p>
      {entries.length === 0 && <p className="rk-desk-muted">{t('desk.glossary.empty')}</p>}
      <table className="rk-desk-glossary-table">
        <thead>
          <tr>
            <th scope="col">{t('desk.glossary.term', { lang: lang(pair.source) })}</th>
            <th scope="col">{t('desk.glossary.translation', { lang: lang(pair.target) })}</th>
            <th />
          </tr>
        </thead>
        <tbody>
          {entries.map((e, i) => (
            <tr key={`${i}:${e.fr}:${e.en}`}>
              <td>
                <input defaultValue={e[pair.source]} readOnly={readOnly} lang={pair.source} aria-label={t('desk.glossary.term', { lang: lang(pair.source) })} onBlur={(ev) => edit(i, 'source', ev.target.value)} />
              </td>
              <td>
                <input defaultValue={e[pair.target]} readOnly={readOnly} lang={pair.target} aria-label={t('desk.glossary.translation', { lang: lang(pair.target) })} onBlur={(ev) => edit(i, 'target', ev.target.value)} />
              </td>
              <td>
                {!readOnly && (
                  <button type="button" className="link" onClick={() => onChange(entries.filter((_, j) => j !== i))}>
                    {t('desk.glossary.remove', { term: e[pair.source] })}
                  </button>
                )}
              </td>
            </tr>
          ))}
          {!readOnly && (
            <tr>
              <td>
                <input data-testid="glossary-term" value={term} lang={pair.source} aria-label={t('desk.glossary.term', { lang: lang(pair.source) })} onChange={(e) => setTerm(e.target.value)} />
              </td>
              <td>
                <input
                  data-testid="glossary-translation"
                  value={translation}
                  lang={pair.target}
                  aria-label={t('desk.glossary.translation', { lang: lang(pair.target) })}
                  onChange={(e) => setTranslation(e.target.value)}
                  onKeyDown={(e) => e.key === 'Enter' && add()}
                />
              </td>
              <td>
                <button type="button" data-testid="glossary-add" onClick={add}>
                  {t('desk.glossary.add')}
                </button>
              </td>
            </tr>
          )}
        </tbody>
      </table>
      {incomplete && (
        <p role="alert" className="rk-desk-muted">
          {t('desk.glossary.incomplete')}
        </p>
      )}
      <button type="button" className="link" onClick={onClose}>
        {t('desk.glossary.close')}
      </button>
    </section>
  );
}
