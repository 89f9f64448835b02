/**
 * Reviewers' comments (`notes`) in the editor: they live on the root (notesState), so resolving
 * or deleting one is an editor update — in the model the autosave writes, in Lexical's JSON,
 * undoable — and a note goes when its block goes.
 */
import { describe, expect, it } from 'vitest';
import { $getRoot, $getState, $setState, UNDO_COMMAND, type ElementNode } from 'lexical';
import { createEmptyHistoryState, registerHistory } from '@lexical/history';
import { parseDocument } from '../../../src/core/model/validate';
import type { Note, RDocument } from '../../../src/core/model/schema';
import { notesState } from '../../../src/renderer/editor/nodes/state';
import { everyFeature } from './fixtures';
import { editorWith, modelOf, throughJson } from './helpers';

function withNotes(): { doc: RDocument; blocks: string[] } {
  const doc = everyFeature();
  const report = doc.parts.find((p) => p.kind === 'body')!;
  const blocks = report.blocks.filter((b) => b.kind === 'paragraph').map((b) => b.id);
  doc.notes = [
    { id: 'n1', block: blocks[0]!, lang: 'fr', text: 'Préciser les dates.', author: 'Jane Reviewer', date: '2026-12-01T10:30:00Z', quote: 'trois', source: 'returned.docx' },
    { id: 'n2', block: blocks[0]!, lang: 'en', text: 'Check the count.', author: 'Jane Reviewer' },
    { id: 'n3', block: blocks.at(-1)!, lang: 'fr', text: 'À supprimer ?' },
  ];
  return { doc, blocks };
}

const $setNotes = (change: (n: Note[]) => Note[]) => $setState($getRoot(), notesState, change($getState($getRoot(), notesState) ?? []));

describe('notes in the editor', () => {
  it('carries every note, of both languages, through the editor and Lexical’s JSON', () => {
    const { doc } = withNotes();
    const editor = editorWith(doc, 'fr');
    expect(modelOf(editor, doc, 'fr').notes).toEqual(doc.notes);
    expect(modelOf(throughJson(editor), { ...doc, notes: undefined }, 'fr').notes).toEqual(doc.notes);
  });

  it('a resolved note is saved as resolved, a deleted one is gone, and the result is a valid document', () => {
    const { doc } = withNotes();
    const editor = editorWith(doc, 'fr');
    editor.update(() => $setNotes((ns) => ns.map((n) => (n.id === 'n1' ? { ...n, resolved: true } : n)).filter((n) => n.id !== 'n3')), { discrete: true });
    const out = modelOf(editor, doc, 'fr');
    expect(out.notes?.map((n) => [n.id, n.resolved ?? false])).toEqual([
      ['n1', true],
      ['n2', false],
    ]);
    const parsed = parseDocument(JSON.parse(JSON.stringify(out)));
    expect(parsed.ok).toBe(true);
  });

  it('deleting the last note leaves no `notes` in the model', () => {
    const { doc } = withNotes();
    const editor = editorWith(doc, 'fr');
    editor.update(() => $setState($getRoot(), notesState, []), { discrete: true });
    expect(modelOf(editor, doc, 'fr').notes).toBeUndefined();
  });

  it('undo brings back a resolved or deleted note', async () => {
    const { doc } = withNotes();
    const editor = editorWith(doc, 'fr');
    registerHistory(editor, createEmptyHistoryState(), 0);
    // (History's first update after it is registered is its starting point, as loading is in the app.)
    editor.update(() => $setNotes((ns) => ns.map((n) => (n.id === 'n2' ? { ...n, resolved: true } : n))), { discrete: true });
    editor.update(() => $setNotes((ns) => ns.filter((n) => n.id !== 'n1')), { discrete: true });
    expect(modelOf(editor, doc, 'fr').notes?.map((n) => n.id)).toEqual(['n2', 'n3']);
    editor.dispatchCommand(UNDO_COMMAND, undefined);
    await Promise.resolve(); // the historic state is committed after the command's update
    const back = modelOf(editor, doc, 'fr').notes;
    expect(back?.map((n) => n.id)).toEqual(['n1', 'n2', 'n3']);
    expect(back?.find((n) => n.id === 'n2')?.resolved).toBe(true);
  });

  it('a note goes with its block', () => {
    const { doc, blocks } = withNotes();
    const editor = editorWith(doc, 'fr');
    editor.update(
      () => {
        const report = $getRoot().getChildren().find((p) => (p as unknown as { getPartKind: () => string }).getPartKind() === 'body') as ElementNode;
        const last = report.getChildren().filter((c) => c.getType() === 'rk-paragraph').at(-1)!;
        last.remove();
      },
      { discrete: true },
    );
    const out = modelOf(editor, doc, 'fr');
    expect(allBlockIds(out)).not.toContain(blocks.at(-1));
    expect(out.notes?.map((n) => n.id)).toEqual(['n1', 'n2']);
  });
});

function allBlockIds(doc: RDocument): string[] {
  return JSON.stringify(doc.parts).match(/"id":"[^"]+"/g)!.map((s) => s.slice(6, -1));
}
