// @vitest-environment jsdom
/**
 * Headless: the labels the editor shows after structural edits (insert, delete, move, indent,
 * kind change) are the numbering engine's, and cross-references follow their targets; a typed
 * character is not a structural change (nothing is renumbered); every new, split, copied or
 * pasted block gets a fresh id, so no id is ever held twice, and a pasted cross-reference still
 * points at its original target. A copied table cell carries no inline look of Lexical's own.
 */
import { describe, expect, it } from 'vitest';
import { $copyNode, $getNodeByKey, $getRoot, $getSelection, $isRangeSelection, $isTextNode, INSERT_PARAGRAPH_COMMAND, KEY_TAB_COMMAND, PASTE_COMMAND, type ElementNode, type LexicalEditor } from 'lexical';
import { $generateHtmlFromNodes } from '@lexical/html';
import { sequentialIds } from '../../../src/core/model/builder';
import { createFromTemplate } from '../../../src/core/templates';
import type { RDocument } from '../../../src/core/model/schema';
import { $computeView } from '../../../src/renderer/editor/labels/compute';
import { isStructuralUpdate } from '../../../src/renderer/editor/labels/structural';
import { $indent, $outdent, $setBlockKind } from '../../../src/renderer/editor/plugins/blockCommands';
import { $insertXref } from '../../../src/renderer/editor/plugins/insertCommands';
import { $createParagraphBlockNode } from '../../../src/renderer/editor/nodes/ParagraphBlockNode';
import { registerPaste } from '../../../src/renderer/editor/paste/paste';
import { registerKeyboard } from '../../../src/renderer/editor/plugins/keyboard';
import { BROKEN_MARKER } from '../../../src/core/numbering/xref';
import { checkDocument } from '../../../src/core/checker';
import { editorWith, modelOf } from './helpers';
import { everyFeature } from './fixtures';

function $range() {
  const s = $getSelection();
  if (!$isRangeSelection(s)) throw new Error('no range selection');
  return s;
}

const base = (): RDocument => JSON.parse(JSON.stringify(createFromTemplate('annual-report', 'fr', sequentialIds()))) as RDocument;

/** The labels of the report part, in document order, as the editor would show them. */
function reportLabels(editor: LexicalEditor, doc: RDocument): string[] {
  return editor.getEditorState().read(() => {
    const view = $computeView(doc, 'fr');
    const report = $getRoot().getChildren()[1] as ElementNode;
    return report
      .getChildren()
      .map((n) => view.labels.get(n.getKey()))
      .filter((l): l is string => l !== undefined);
  });
}

function $byId(id: string): ElementNode {
  const root = $getRoot();
  const find = (n: ElementNode): ElementNode | null => {
    for (const c of n.getChildren()) {
      if ('getChildren' in c) {
        if ((c as unknown as { getBlockId?: () => string }).getBlockId?.() === id) return c as ElementNode;
        const inner = find(c as ElementNode);
        if (inner) return inner;
      }
    }
    return null;
  };
  const found = find(root);
  if (!found) throw new Error(`no block ${id}`);
  return found;
}

function allIds(doc: RDocument): string[] {
  const ids: string[] = [];
  const visit = (blocks: RDocument['parts'][number]['blocks']) => {
    for (const b of blocks) {
      ids.push(b.id);
      if (b.kind === 'quote' || b.kind === 'participants') visit(b.blocks);
      if (b.kind === 'table') for (const r of b.rows) { ids.push(r.id); for (const c of r.cells) { ids.push(c.id); visit(c.blocks); } }
    }
  };
  const parts = (ps: RDocument['parts']) => ps.forEach((p) => { ids.push(p.id); visit(p.blocks); parts(p.parts); });
  parts(doc.parts);
  return ids;
}

describe('labels after structural edits', () => {
  it('start as the numbering engine gives them', () => {
    const doc = base();
    expect(reportLabels(editorWith(doc, 'fr'), doc)).toEqual(['I.', '1.', '2.', 'II.', '3.', 'a)', 'b)', 'A.', '4.', '5.', 'B.', '6.', '7.', 'III.', '8.']);
  });

  it('insert: a paragraph inserted after paragraph 1 shifts every later number', () => {
    const doc = base();
    const editor = editorWith(doc, 'fr');
    const p1 = doc.parts[1]!.blocks[1]!.id;
    editor.update(() => $byId(p1).insertAfter($createParagraphBlockNode(true)), { discrete: true });
    expect(reportLabels(editor, doc)).toEqual(['I.', '1.', '2.', '3.', 'II.', '4.', 'a)', 'b)', 'A.', '5.', '6.', 'B.', '7.', '8.', 'III.', '9.']);
  });

  it('delete: removing a chapter heading merges the chapters; removing a paragraph closes the gap', () => {
    const doc = base();
    const editor = editorWith(doc, 'fr');
    const chapterII = doc.parts[1]!.blocks[3]!.id;
    const p3 = doc.parts[1]!.blocks[4]!.id;
    editor.update(() => {
      $byId(chapterII).remove();
      $byId(p3).remove();
    }, { discrete: true });
    expect(reportLabels(editor, doc)).toEqual(['I.', '1.', '2.', 'a)', 'b)', 'A.', '3.', '4.', 'B.', '5.', '6.', 'II.', '7.']);
  });

  it('move: a paragraph moved before the first changes places with it, its cross-reference follows', () => {
    const doc = base();
    const editor = editorWith(doc, 'fr');
    const [, p1, p2] = doc.parts[1]!.blocks.map((b) => b.id);
    let xrefKey = '';
    editor.update(() => {
      $byId(p1!).selectEnd();
      $insertXref({ target: p2!, form: 'named' });
      const sel = $getSelection();
      if ($isRangeSelection(sel)) xrefKey = sel.anchor.getNode().getPreviousSibling()?.getKey() ?? sel.anchor.getNode().getKey();
    }, { discrete: true });
    const before = editor.getEditorState().read(() => $computeView(doc, 'fr'));
    const key = [...before.xrefs.keys()][0]!;
    expect(before.xrefs.get(key)?.text).toBe('paragraphe 2');
    editor.update(() => $byId(p1!).insertBefore($byId(p2!)), { discrete: true });
    const after = editor.getEditorState().read(() => $computeView(doc, 'fr'));
    expect(after.xrefs.get(key)?.text).toBe('paragraphe 1');
    expect(xrefKey).not.toBe('');
  });

  it('indent and outdent: paragraph → a) → i) → a. → i. and back; the numbers close up', () => {
    const doc = base();
    const editor = editorWith(doc, 'fr');
    const p2 = doc.parts[1]!.blocks[2]!.id;
    const labelOf = () => editor.getEditorState().read(() => $computeView(doc, 'fr').labels.get($byId(p2).getKey()));
    const seen: (string | undefined)[] = [labelOf()];
    for (let i = 0; i < 4; i++) {
      editor.update(() => void $indent($byId(p2)), { discrete: true });
      seen.push(labelOf());
    }
    editor.update(() => void $indent($byId(p2)), { discrete: true }); // no level 5
    seen.push(labelOf());
    expect(seen).toEqual(['2.', 'a)', 'i)', 'a.', 'i.', 'i.']);
    for (let i = 0; i < 4; i++) editor.update(() => void $outdent($byId(p2)), { discrete: true });
    expect(labelOf()).toBe('2.');
    expect(modelOf(editor, doc, 'fr').parts[1]!.blocks[2]).toEqual({ id: p2, kind: 'paragraph', numbered: true });
  });

  it('a kind change keeps the block id (a cross-reference to it follows it)', () => {
    const doc = base();
    const editor = editorWith(doc, 'fr');
    const p2 = doc.parts[1]!.blocks[2]!.id;
    editor.update(() => void $setBlockKind($byId(p2), { kind: 'heading', level: 'section' }), { discrete: true });
    expect(modelOf(editor, doc, 'fr').parts[1]!.blocks[2]).toEqual({ id: p2, kind: 'heading', level: 'section' });
    expect(reportLabels(editor, doc).slice(0, 4)).toEqual(['I.', '1.', 'A.', 'II.']);
  });
});

describe('cross-references, placeholders, the structure lock', () => {
  it('a deleted target shows the broken marker, and the checker reports it', () => {
    const doc = base();
    const editor = editorWith(doc, 'fr');
    const [, p1, p2] = doc.parts[1]!.blocks.map((b) => b.id);
    editor.update(() => {
      $byId(p1!).selectEnd();
      $insertXref({ target: p2!, form: 'named' });
    }, { discrete: true });
    editor.update(() => $byId(p2!).remove(), { discrete: true });
    const view = editor.getEditorState().read(() => $computeView(doc, 'fr'));
    expect([...view.xrefs.values()]).toEqual([{ text: BROKEN_MARKER.fr, broken: true }]);
    const findings = checkDocument(modelOf(editor, doc, 'fr'), 'fr');
    expect(findings.filter((f) => f.code === 'xref-target-missing').map((f) => f.blockId)).toEqual([p1]);
  });

  it('typing over a placeholder makes it ordinary text; the ones left are still reported', () => {
    const doc = base();
    const editor = editorWith(doc, 'fr');
    const p1 = doc.parts[1]!.blocks[1]!.id;
    editor.update(() => {
      const text = $byId(p1).getFirstDescendant();
      if (!$isTextNode(text)) throw new Error('no text');
      text.select(0, text.getTextContentSize());
      $range().insertText('Le Groupe de travail a été établi en 2001.');
    }, { discrete: true });
    const out = modelOf(editor, doc, 'fr');
    expect(out.text.fr![p1]!.content).toEqual([{ type: 'text', text: 'Le Groupe de travail a été établi en 2001.' }]);
    const left = checkDocument(out, 'fr').filter((f) => f.code === 'placeholder-left');
    expect(left.length).toBeGreaterThan(3);
    expect(left.some((f) => f.blockId === p1)).toBe(false);
  });

  it('with the structure locked, Enter and Tab change nothing', () => {
    const doc = base();
    const editor = editorWith(doc, 'fr');
    registerKeyboard(editor, () => 'text');
    const p3 = doc.parts[1]!.blocks[4]!.id;
    editor.update(() => $byId(p3).selectEnd(), { discrete: true });
    editor.update(() => {
      editor.dispatchCommand(INSERT_PARAGRAPH_COMMAND, undefined);
      editor.dispatchCommand(KEY_TAB_COMMAND, new KeyboardEvent('keydown', { key: 'Tab' }));
    }, { discrete: true });
    expect(modelOf(editor, doc, 'fr').parts[1]!.blocks.map((b) => b.id)).toEqual(doc.parts[1]!.blocks.map((b) => b.id));
    expect(modelOf(editor, doc, 'fr').parts[1]!.blocks[4]).toEqual(doc.parts[1]!.blocks[4]);
  });
});

describe('what is a structural change', () => {
  function watch(editor: LexicalEditor): boolean[] {
    const seen: boolean[] = [];
    editor.registerUpdateListener(({ dirtyElements, dirtyLeaves, prevEditorState, editorState }) => seen.push(isStructuralUpdate(dirtyElements, dirtyLeaves, prevEditorState, editorState)));
    return seen;
  }

  it('typing a character is not; Enter, Tab and a deletion are', () => {
    const doc = base();
    const editor = editorWith(doc, 'fr');
    const seen = watch(editor);
    const p3 = doc.parts[1]!.blocks[4]!.id;
    editor.update(() => $byId(p3).selectEnd(), { discrete: true });
    editor.update(() => $range().insertText('x'), { discrete: true });
    editor.update(() => $range().insertText('y'), { discrete: true });
    expect(seen.splice(0)).toEqual([false, false, false]);
    editor.update(() => void $range().insertParagraph(), { discrete: true });
    expect(seen.splice(0)).toEqual([true]);
    editor.update(() => void $indent($byId(p3)), { discrete: true });
    expect(seen.splice(0)).toEqual([true]);
    editor.update(() => $byId(p3).remove(), { discrete: true });
    expect(seen.splice(0)).toEqual([true]);
  });
});

describe('ids stay unique', () => {
  it('Enter in the middle of a paragraph: the first half keeps the id, the second gets a fresh one', () => {
    const doc = base();
    const editor = editorWith(doc, 'fr');
    const p3 = doc.parts[1]!.blocks[4]!.id;
    editor.update(() => {
      const node = $byId(p3);
      const text = node.getFirstDescendant();
      if (!$isTextNode(text)) throw new Error('no text');
      text.select(5, 5);
      $range().insertParagraph();
    }, { discrete: true });
    const out = modelOf(editor, doc, 'fr');
    const ids = allIds(out);
    expect(new Set(ids).size).toBe(ids.length);
    expect(out.parts[1]!.blocks[4]!.id).toBe(p3);
    expect(out.parts[1]!.blocks[5]!.kind).toBe('paragraph');
  });

  it('a copied node (Lexical’s $copyNode) gets a fresh id', () => {
    const doc = base();
    const editor = editorWith(doc, 'fr');
    const p1 = doc.parts[1]!.blocks[1]!.id;
    editor.update(() => {
      const node = $byId(p1);
      node.insertAfter($copyNode(node));
    }, { discrete: true });
    const ids = allIds(modelOf(editor, doc, 'fr'));
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids.length).toBe(allIds(doc).length + 1);
  });

  it('a second node with an existing id, however it came, gets a fresh one', async () => {
    const doc = base();
    const editor = editorWith(doc, 'fr');
    const p1 = doc.parts[1]!.blocks[1]!.id;
    editor.update(() => $byId(p1).insertAfter($createParagraphBlockNode(true, p1)), { discrete: true });
    // The repair is a follow-up update (merged into the same undo step).
    await new Promise((r) => setTimeout(r, 0));
    const out = modelOf(editor, doc, 'fr');
    const ids = allIds(out);
    expect(new Set(ids).size).toBe(ids.length);
    expect(out.parts[1]!.blocks[1]!.id).toBe(p1);
    expect(out.parts[1]!.blocks[2]!.id).not.toBe(p1);
  });

  it('pasting blocks copied in the app: fresh ids for blocks, rows, cells and footnotes; cross-references keep their targets', () => {
    const doc = everyFeature();
    const editor = editorWith(doc, 'fr');
    registerPaste(editor, { lang: () => 'fr', meta: () => doc.meta, mode: () => 'edit', holdLabels: () => {} });
    // Copy the whole report part (its blocks, table, footnotes, cross-references)…
    const html = editor.getEditorState().read(() => $generateHtmlFromNodes(editor, null));
    const reportKey = editor.getEditorState().read(() => $getRoot().getChildren().find((p) => (p as unknown as { getPartKind: () => string }).getPartKind() === 'body')!.getKey());
    // …and paste it at the end of the report.
    editor.update(() => ($getNodeByKey(reportKey) as ElementNode).getChildren().at(-2)!.selectEnd(), { discrete: true });
    editor.update(
      () => {
        const data = { getData: (t: string) => (t === 'text/html' ? html : '') };
        editor.dispatchCommand(PASTE_COMMAND, { clipboardData: data, preventDefault: () => {} } as unknown as ClipboardEvent);
      },
      { discrete: true },
    );
    const out = modelOf(editor, doc, 'fr');
    const ids = allIds(out);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids.length).toBeGreaterThan(allIds(doc).length * 1.5);
    const footnotes = Object.values(out.text.fr!).flatMap((t) => t.content.filter((r) => r.type === 'footnote').map((r) => (r as { id: string }).id));
    expect(new Set(footnotes).size).toBe(footnotes.length);
    expect(footnotes.length).toBeGreaterThan(2);
    // Every pasted cross-reference points at a block of the original document.
    const original = new Set(allIds(doc));
    const targets = Object.values(out.text.fr!).flatMap((t) => t.content.flatMap((r) => (r.type === 'xref' ? [r.target] : r.type === 'footnote' ? r.content.flatMap((c) => (c.type === 'xref' ? [c.target] : [])) : [])));
    expect(targets.length).toBeGreaterThan(6);
    for (const t of targets) expect(original.has(t)).toBe(true);
  });
});

describe('copy', () => {
  it('a copied table carries its cells without Lexical’s inline borders, widths or shades', () => {
    const doc = everyFeature();
    const editor = editorWith(doc, 'fr');
    const html = editor.getEditorState().read(() => $generateHtmlFromNodes(editor, null));
    const cells = [...new DOMParser().parseFromString(html, 'text/html').querySelectorAll('td, th')];
    expect(cells.length).toBeGreaterThan(3);
    for (const cell of cells) expect(cell.getAttribute('style')).toBeNull();
  });
});
