/**
 * Footnote indicators in the editor where the exports put them (core's placeFootnoteIndicators):
 * after punctuation in English, before it in French; on a document as opened, as punctuation is
 * typed after an indicator (the caret staying after what was typed), and as a note is inserted
 * after punctuation, so that the screen shows the text every export gives.
 */
import { describe, expect, it } from 'vitest';
import { $getRoot, $getSelection, $isElementNode, $isRangeSelection, $isTextNode, type LexicalEditor, type LexicalNode } from 'lexical';
import { DocumentBuilder, run, sequentialIds } from '../../../src/core/model/builder';
import type { Inline, Lang, RDocument } from '../../../src/core/model/schema';
import { registerFootnotePlacement } from '../../../src/renderer/editor/plugins/footnotePlacement';
import { $insertFootnote } from '../../../src/renderer/editor/plugins/insertCommands';
import { $isFootnoteRefNode } from '../../../src/renderer/editor/nodes/FootnoteRefNode';
import { senegalMeta } from './fixtures';
import { editorWith, modelOf } from './helpers';

function letter(lang: Lang, content: Inline[]): { doc: RDocument; id: string } {
  const b = new DocumentBuilder(senegalMeta('letter', lang), lang, sequentialIds());
  const part = b.part('letter');
  const p = b.para(part, content, false);
  return { doc: b.doc, id: p.id };
}

const note = (id: string): Inline => ({ type: 'footnote', id, content: [run('Note.')] });

/** The paragraph's runs as the model has them: words, and ¹ for a footnote. */
function shown(editor: LexicalEditor, doc: RDocument, lang: Lang, id: string): string {
  const out = modelOf(editor, doc, lang);
  return (out.text[lang]![id]!.content ?? []).map((r) => (r.type === 'text' ? r.text : r.type === 'footnote' ? '¹' : '')).join('');
}

const tick = () => new Promise((r) => setTimeout(r, 0));

function $firstRef(): LexicalNode {
  const stack: LexicalNode[] = [$getRoot()];
  while (stack.length > 0) {
    const n = stack.shift()!;
    if ($isFootnoteRefNode(n)) return n;
    if ($isElementNode(n)) stack.push(...n.getChildren());
  }
  throw new Error('no footnote reference');
}

function typeAtCaret(editor: LexicalEditor, text: string): void {
  editor.update(
    () => {
      const s = $getSelection();
      if (!$isRangeSelection(s)) throw new Error('no caret');
      s.insertText(text);
    },
    { discrete: true },
  );
}

describe('footnote indicators on screen', () => {
  it('English, as opened: the indicator goes after the punctuation that follows it', async () => {
    const { doc, id } = letter('en', [run('The Council met'), note('fn1'), run(', and decided.')]);
    const editor = editorWith(doc, 'en');
    registerFootnotePlacement(editor, () => 'en');
    await tick();
    expect(shown(editor, doc, 'en', id)).toBe('The Council met,¹ and decided.');
  });

  it('French, as opened: the indicator goes before the punctuation (and its space) that precedes it', async () => {
    const { doc, id } = letter('fr', [run('Le Conseil s’est réuni\u202f;'), note('fn1'), run(' il a décidé.')]);
    const editor = editorWith(doc, 'fr');
    registerFootnotePlacement(editor, () => 'fr');
    await tick();
    expect(shown(editor, doc, 'fr', id)).toBe('Le Conseil s’est réuni¹\u202f; il a décidé.');
  });

  it('English, typing a comma just after an indicator: the comma goes before it, the caret stays after it', async () => {
    const { doc, id } = letter('en', [run('The Council met'), note('fn1'), run(' today.')]);
    const editor = editorWith(doc, 'en');
    registerFootnotePlacement(editor, () => 'en');
    await tick();
    editor.update(() => void $firstRef().selectNext(0, 0), { discrete: true });
    typeAtCaret(editor, ',');
    await tick();
    expect(shown(editor, doc, 'en', id)).toBe('The Council met,¹ today.');
    typeAtCaret(editor, ' and');
    await tick();
    expect(shown(editor, doc, 'en', id)).toBe('The Council met,¹ and today.');
    // Words typed after an indicator (not punctuation) stay where they are.
    expect(editor.getEditorState().read(() => $isTextNode($firstRef().getNextSibling()))).toBe(true);
  });

  it('French, a note inserted after a comma: the indicator goes before the comma', async () => {
    const { doc, id } = letter('fr', [run('Le Conseil, qui s’est réuni, a décidé.')]);
    const editor = editorWith(doc, 'fr');
    registerFootnotePlacement(editor, () => 'fr');
    editor.update(
      () => {
        const text = $getRoot().getAllTextNodes().find((t) => t.getTextContent().startsWith('Le Conseil'))!;
        text.select(10, 10); // after "Le Conseil,"
        $insertFootnote();
      },
      { discrete: true },
    );
    await tick();
    expect(shown(editor, doc, 'fr', id)).toBe('Le Conseil¹, qui s’est réuni, a décidé.');
  });
});
