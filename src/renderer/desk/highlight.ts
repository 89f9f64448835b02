/**
 * The glossary's terms highlighted wherever the source has them, with the CSS Custom Highlight
 * API (`::highlight(rk-term)`): nothing changes in the document or its history. Terms are found by
 * the core (`findTerms`: whole words, case, accents and apostrophes ignored), one pass per block.
 */
import { $isElementNode, $isTextNode, type LexicalEditor, type TextNode } from 'lexical';
import type { Lang } from '../../core/model/schema';
import { findTerms, type TermPair } from '../../core/translation/terms';
import { $allTextBlocks } from '../editor/plugins/blockCommands';

const NAME = 'rk-term';

type Piece = { node: TextNode; from: number };

export function highlightTerms(editor: LexicalEditor, lang: Lang, terms: readonly TermPair[]): void {
  const registry = (globalThis as { CSS?: { highlights?: Map<string, unknown> } }).CSS?.highlights;
  const HighlightClass = (globalThis as { Highlight?: new (...ranges: Range[]) => unknown }).Highlight;
  if (!registry || !HighlightClass) return;
  if (terms.length === 0) {
    registry.delete(NAME);
    return;
  }
  const ranges: Range[] = [];
  editor.getEditorState().read(
    () => {
      for (const block of $allTextBlocks()) {
        if (!$isElementNode(block)) continue;
        const pieces: Piece[] = [];
        let text = '';
        for (const child of block.getChildren()) {
          // Anything but text (a reference, a footnote mark) stands between words.
          if (!$isTextNode(child)) text += '\u0000';
          else {
            pieces.push({ node: child, from: text.length });
            text += child.getTextContent();
          }
        }
        if (pieces.length === 0) continue;
        for (const hit of findTerms(text, lang, terms)) {
          const a = pieces.findLast((p) => p.from <= hit.start);
          const b = pieces.findLast((p) => p.from < hit.end);
          const da = a && editor.getElementByKey(a.node.getKey())?.firstChild;
          const db = b && editor.getElementByKey(b.node.getKey())?.firstChild;
          if (!a || !b || !da || !db) continue;
          const r = document.createRange();
          try {
            r.setStart(da, hit.start - a.from);
            r.setEnd(db, hit.end - b.from);
            ranges.push(r);
          } catch {
            // A text node whose DOM is not there yet: no highlight for this one.
          }
        }
      }
    },
    { editor },
  );
  registry.set(NAME, new HighlightClass(...ranges));
}

export function clearTermHighlights(): void {
  (globalThis as { CSS?: { highlights?: Map<string, unknown> } }).CSS?.highlights?.delete(NAME);
}
