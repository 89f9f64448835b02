/**
 * The note an outdated row carries on the source side of the desk: the words of the source that
 * changed since the translation was made (core/translation/changes), struck through when removed
 * and underlined when added, with a few unchanged words around them. It is put in the row's copy
 * of the source (align.ts), never in either editor: nothing of it is saved, exported or undone.
 */
import type { WordRun } from '../../core/compare/types';

export type ChangesLabels = { label: string; removed: string; added: string };

export function changesNote(runs: readonly WordRun[], labels: ChangesLabels): HTMLElement {
  const note = document.createElement('div');
  note.className = 'rk-desk-changes';
  note.setAttribute('data-testid', 'desk-changes');
  const head = document.createElement('span');
  head.className = 'rk-desk-changes-label';
  head.textContent = labels.label;
  note.append(head, ' ');
  for (const r of runs) {
    if (r.op === 'equal' || r.op === 'format') {
      note.append(r.text);
      continue;
    }
    // The spaces around a change are the text's, not the change: only the words are marked.
    const [, lead, words, trail] = /^(\s*)([\s\S]*?)(\s*)$/.exec(r.text)!;
    if (words === '') {
      note.append(r.text);
      continue;
    }
    const el = document.createElement(r.op === 'delete' ? 'del' : 'ins');
    el.title = r.op === 'delete' ? labels.removed : labels.added;
    el.textContent = words!;
    note.append(lead!, el, trail!);
  }
  return note;
}
