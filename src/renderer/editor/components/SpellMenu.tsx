/**
 * The spelling menu: a right click on a word the spell checker marked offers its suggestions
 * (one click replaces the word) and "Add to Dictionary". Anywhere else the right click is left to
 * the host (the desktop app's own Cut / Copy / Paste menu).
 */
import { useEffect, useRef, useState } from 'react';
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { useAppTranslation } from '../../i18n';
import type { SpellChecker } from '../../spell/client';
import { addUserWord } from '../../spell/session';
import type { Misspelling, SpellingHandle } from '../plugins/spelling';
import './SpellMenu.css';

type Open = { at: { x: number; y: number }; misspelling: Misspelling; suggestions: string[] | undefined };

export function SpellMenu({ spelling, checker }: { spelling: SpellingHandle | undefined; checker: SpellChecker | undefined }) {
  const [editor] = useLexicalComposerContext();
  const { t } = useAppTranslation();
  const [open, setOpen] = useState<Open | undefined>();
  const menu = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (!spelling || !checker) return;
    return editor.registerRootListener((root, previous) => {
      const onContextMenu = (e: MouseEvent) => {
        const m = spelling.at(e.clientX, e.clientY);
        if (!m) return;
        e.preventDefault();
        setOpen({ at: { x: e.clientX, y: e.clientY }, misspelling: m, suggestions: undefined });
        void checker.suggest(m.lang, m.word).then(
          (suggestions) => setOpen((o) => (o && o.misspelling === m ? { ...o, suggestions } : o)),
          () => setOpen((o) => (o && o.misspelling === m ? { ...o, suggestions: [] } : o)),
        );
      };
      previous?.removeEventListener('contextmenu', onContextMenu);
      root?.addEventListener('contextmenu', onContextMenu);
    });
  }, [editor, spelling, checker]);

  useEffect(() => {
    if (!open) return;
    menu.current?.querySelector<HTMLElement>('[role="menuitem"]')?.focus();
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape') {
        setOpen(undefined);
        editor.focus();
      }
    };
    const onDown = (e: MouseEvent) => {
      if (!menu.current?.contains(e.target as Node)) setOpen(undefined);
    };
    window.addEventListener('keydown', onKey);
    window.addEventListener('mousedown', onDown);
    return () => {
      window.removeEventListener('keydown', onKey);
      window.removeEventListener('mousedown', onDown);
    };
  }, [open, editor]);

  if (!open || !spelling) return null;
  const { misspelling: m } = open;
  const done = () => setOpen(undefined);
  return (
    <div ref={menu} className="rk-spell-menu" role="menu" aria-label={t('editor.spell.misspelt', { word: m.word })} data-testid="spell-menu" style={{ left: open.at.x, top: open.at.y }}>
      {open.suggestions === undefined && <span className="rk-spell-wait" aria-busy="true">…</span>}
      {open.suggestions?.length === 0 && <span className="rk-spell-none">{t('editor.spell.noSuggestions')}</span>}
      {open.suggestions?.map((s) => (
        <button
          key={s}
          type="button"
          role="menuitem"
          data-testid="spell-suggestion"
          onClick={() => {
            spelling.replace(m, s);
            done();
          }}
        >
          {s}
        </button>
      ))}
      <hr />
      <button
        type="button"
        role="menuitem"
        data-testid="spell-add"
        onClick={() => {
          void addUserWord(m.word).then(() => spelling.recheckAll());
          done();
          editor.focus();
        }}
      >
        {t('editor.spell.addToDictionary')}
      </button>
    </div>
  );
}
