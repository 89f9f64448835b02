/**
 * The outline beside the editor: parts, chapters, sections and annexes with the numbered
 * paragraphs under each (« paragraphes 4 à 25 »); click to go there; Alt+↑ / Alt+↓ on an entry,
 * or dragging it onto another of its rank, moves a heading with its text (labels and
 * cross-references follow: blocks keep their ids).
 */
import { useRef, useState, type DragEvent, type KeyboardEvent } from 'react';
import { useWorkspaceTranslation } from '../../i18n';
import { goToInEditor, useDerivedView, useEditor } from '../editorState';
import { $move, $moveTo } from './move';
import { $getNodeByKey } from 'lexical';
import { $outline, type OutlineEntry } from './outline';
import { useTeamState } from '../../team/session';
import './OutlinePanel.css';

export function OutlinePanel({ editable }: { editable: boolean }) {
  const { t } = useWorkspaceTranslation();
  const editor = useEditor();
  const view = useDerivedView();
  const [status, setStatus] = useState('');
  const dragged = useRef<OutlineEntry | undefined>(undefined);
  const list = useRef<HTMLOListElement>(null);
  const computed = view.computed;
  // A shared dossier: where each colleague's caret is (their awareness says which block).
  const peers = useTeamState()?.peers ?? [];
  const here = (e: OutlineEntry) => peers.filter((p) => p.block !== undefined && (p.block === e.id || e.blockIds.includes(p.block)));
  const entries = computed ? editor.getEditorState().read(() => $outline(computed)) : [];

  const name = (e: OutlineEntry) => [e.label ?? (e.type === 'part' ? t(`outline.parts.${e.partKind}`) : ''), e.text || t('outline.untitled')].filter(Boolean).join(' ');
  const refocus = (id: string) => requestAnimationFrame(() => list.current?.querySelector<HTMLElement>(`[data-entry="${CSS.escape(id)}"] button`)?.focus());
  const move = (e: OutlineEntry, dir: 'up' | 'down') => {
    let moved = false;
    editor.update(() => {
      const node = $getNodeByKey(e.key);
      if (node) moved = $move(node, dir);
    });
    setStatus(moved ? t('outline.moved', { what: name(e) }) : t('outline.cannotMove'));
    refocus(e.id);
  };
  const onKey = (ev: KeyboardEvent, e: OutlineEntry) => {
    if (!ev.altKey || ev.ctrlKey || ev.metaKey || (ev.key !== 'ArrowUp' && ev.key !== 'ArrowDown')) return;
    ev.preventDefault();
    if (editable && e.type === 'heading') move(e, ev.key === 'ArrowUp' ? 'up' : 'down');
  };
  const onDrop = (ev: DragEvent, target: OutlineEntry) => {
    const src = dragged.current;
    dragged.current = undefined;
    if (!src || src.id === target.id) return;
    ev.preventDefault();
    const rect = (ev.currentTarget as HTMLElement).getBoundingClientRect();
    const where = ev.clientY > rect.top + rect.height / 2 ? 'after' : 'before';
    let moved = false;
    editor.update(() => {
      moved = $moveTo(src.key, target.key, where);
    });
    setStatus(moved ? t('outline.moved', { what: name(src) }) : t('outline.cannotMove'));
  };
  const paragraphs = (e: OutlineEntry) =>
    e.paragraphs === undefined ? '' : e.paragraphs.from === e.paragraphs.to ? t('outline.paragraph', { n: e.paragraphs.from }) : t('outline.paragraphs', { from: e.paragraphs.from, to: e.paragraphs.to });

  return (
    <nav className="outline" aria-labelledby="outline-title" data-testid="outline">
      <h2 id="outline-title" className="panel-title">
        {t('outline.title')}
      </h2>
      {entries.length === 0 && <p className="mf-hint">{t('outline.empty')}</p>}
      <ol ref={list} className="outline-list">
        {entries.map((e) => {
          const movable = editable && e.type === 'heading';
          return (
            <li
              key={e.id}
              data-entry={e.id}
              data-testid="outline-entry"
              data-type={e.type}
              data-level={e.level ?? e.partKind}
              className={`outline-entry outline-${e.type}`}
              style={{ paddingInlineStart: `${e.depth * 14}px` }}
              draggable={movable}
              onDragStart={(ev) => {
                dragged.current = e;
                ev.dataTransfer.effectAllowed = 'move';
                ev.dataTransfer.setData('text/plain', e.id);
              }}
              onDragOver={(ev) => {
                const src = dragged.current;
                if (src && src.type === 'heading' && e.type === 'heading' && src.level === e.level && src.partId === e.partId && src.id !== e.id) ev.preventDefault();
              }}
              onDrop={(ev) => onDrop(ev, e)}
            >
              <button type="button" className="outline-go" aria-keyshortcuts={movable ? 'Alt+ArrowUp Alt+ArrowDown' : undefined} onClick={() => goToInEditor(editor, e.type === 'part' ? { partId: e.id } : { blockId: e.id })} onKeyDown={(ev) => onKey(ev, e)}>
                <span className="outline-name" data-document-content="">
                  {name(e)}
                </span>
                {e.paragraphs && (
                  <span className="outline-range" data-testid="outline-range">
                    {paragraphs(e)}
                  </span>
                )}
                {here(e).length > 0 && (
                  <span className="outline-people">
                    {here(e).map((p) => (
                      <span key={p.clientId} className="outline-person" data-testid="outline-person" data-name={p.name} style={{ background: p.color }} title={t('outline.here', { name: p.name })}>
                        {p.name.split(' ')[0]}
                      </span>
                    ))}
                  </span>
                )}
              </button>
            </li>
          );
        })}
      </ol>
      {editable && <p className="mf-hint">{t('outline.moveHint')}</p>}
      <p className="visually-hidden" role="status" data-testid="outline-status">
        {status}
      </p>
    </nav>
  );
}
