/**
 * Marks each block the checker has something to say about (`data-finding` = its worst severity,
 * `data-finding-count`): CSS draws the mark beside the block. Applied after every editor update
 * for the findings' blocks only (Lexical may recreate a block's element), never for the whole
 * document.
 */
import { useEffect } from 'react';
import type { Severity } from '../../../core/checker/index';
import { elementOfId, useEditor } from '../editorState';
import './FindingMarks.css';

const RANK: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

/** Where marks go: a block id (or a part id) with the worst severity found there. */
export type Mark = { id: string; severity: Severity; count: number; kind: 'finding' | 'import' };

export function marksOf(items: { blockId?: string | undefined; partId?: string | undefined; severity: Severity }[], kind: Mark['kind']): Mark[] {
  const by = new Map<string, Mark>();
  for (const f of items) {
    const id = f.blockId ?? f.partId;
    if (id === undefined) continue;
    const m = by.get(id);
    if (!m) by.set(id, { id, severity: f.severity, count: 1, kind });
    else {
      m.count++;
      if (RANK[f.severity] < RANK[m.severity]) m.severity = f.severity;
    }
  }
  return [...by.values()];
}

export function FindingMarks({ marks }: { marks: Mark[] }) {
  const editor = useEditor();
  useEffect(() => {
    const attr = (m: Mark) => (m.kind === 'finding' ? 'data-finding' : 'data-import-note');
    const marked = new Map<HTMLElement, Mark>();
    const apply = () => {
      for (const m of marks) {
        const el = elementOfId(editor, m.id);
        if (!el) continue;
        if (el.getAttribute(attr(m)) !== m.severity) el.setAttribute(attr(m), m.severity);
        if (el.getAttribute(`${attr(m)}-count`) !== String(m.count)) el.setAttribute(`${attr(m)}-count`, String(m.count));
        marked.set(el, m);
      }
    };
    apply();
    const unregister = editor.registerUpdateListener(apply);
    return () => {
      unregister();
      for (const [el, m] of marked) {
        el.removeAttribute(attr(m));
        el.removeAttribute(`${attr(m)}-count`);
      }
    };
  }, [editor, marks]);
  return null;
}
