/** The find and replace panel (Ctrl+F / Ctrl+H): accents and case ignored unless asked. */
import { useCallback, useEffect, useState } from 'react';
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { useAppTranslation } from '../../i18n';
import { $findMatches, $replaceMatch, clearHighlights, highlightMatches, type Match } from '../plugins/find';
import './panel.css';
import './FindReplace.css';

export function FindReplace({ onClose, editable }: { onClose: () => void; editable: boolean }) {
  const [editor] = useLexicalComposerContext();
  const { t } = useAppTranslation();
  const [query, setQuery] = useState('');
  const [replacement, setReplacement] = useState('');
  const [matchCase, setMatchCase] = useState(false);
  const [matchAccents, setMatchAccents] = useState(false);
  const [matches, setMatches] = useState<Match[]>([]);
  const [current, setCurrent] = useState(0);
  const [replaced, setReplaced] = useState<number | undefined>();

  const search = useCallback(() => {
    const found = editor.getEditorState().read(() => $findMatches(query, { matchCase, matchAccents }), { editor });
    setMatches(found);
    setCurrent((c) => (found.length === 0 ? 0 : Math.min(c, found.length - 1)));
    highlightMatches(editor, found, 0);
    return found;
  }, [editor, query, matchCase, matchAccents]);

  useEffect(() => {
    search();
  }, [search]);
  useEffect(() => () => clearHighlights(), []);

  const go = (delta: number) => {
    if (matches.length === 0) return;
    const i = (current + delta + matches.length) % matches.length;
    setCurrent(i);
    highlightMatches(editor, matches, i);
    editor.getElementByKey(matches[i]!.start.key)?.scrollIntoView({ block: 'center' });
  };

  const replaceOne = () => {
    const m = matches[current];
    if (!m) return;
    editor.update(() => $replaceMatch(m, replacement), { discrete: true });
    setReplaced(1);
    search();
  };

  const replaceAll = () => {
    const found = search();
    // From the last to the first, so earlier matches keep their offsets.
    editor.update(() => [...found].reverse().forEach((m) => $replaceMatch(m, replacement)), { discrete: true });
    setReplaced(found.length);
    search();
  };

  return (
    <div className="rk-panel rk-find" role="search" data-testid="find-panel">
      <label className="field">
        <span>{t('editor.find.find')}</span>
        <input data-testid="find-input" value={query} autoFocus onChange={(e) => setQuery(e.target.value)} onKeyDown={(e) => e.key === 'Enter' && go(e.shiftKey ? -1 : 1)} />
      </label>
      <span className="rk-find-count" data-testid="find-count" data-count={matches.length}>
        {query === '' ? '' : matches.length === 0 ? t('editor.find.none') : t('editor.find.count', { current: current + 1, total: matches.length })}
      </span>
      <button type="button" onClick={() => go(-1)} disabled={matches.length === 0}>
        {t('editor.find.previous')}
      </button>
      <button type="button" onClick={() => go(1)} disabled={matches.length === 0}>
        {t('editor.find.next')}
      </button>
      <label className="check">
        <input type="checkbox" data-testid="find-case" checked={matchCase} onChange={(e) => setMatchCase(e.target.checked)} /> {t('editor.find.matchCase')}
      </label>
      <label className="check">
        <input type="checkbox" data-testid="find-accents" checked={matchAccents} onChange={(e) => setMatchAccents(e.target.checked)} /> {t('editor.find.matchAccents')}
      </label>
      {editable && (
        <>
          <label className="field">
            <span>{t('editor.find.replaceWith')}</span>
            <input data-testid="replace-input" value={replacement} onChange={(e) => setReplacement(e.target.value)} />
          </label>
          <button type="button" data-testid="replace-one" onClick={replaceOne} disabled={matches.length === 0}>
            {t('editor.find.replace')}
          </button>
          <button type="button" data-testid="replace-all" onClick={replaceAll} disabled={matches.length === 0}>
            {t('editor.find.replaceAll')}
          </button>
          {replaced !== undefined && <span data-testid="replaced-count">{t('editor.find.replaced', { count: replaced })}</span>}
        </>
      )}
      <button type="button" className="link" onClick={onClose} data-testid="find-close">
        {t('editor.find.close')}
      </button>
    </div>
  );
}
