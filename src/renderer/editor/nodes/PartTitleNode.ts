/**
 * The authored title of a part ("Rapport sur les activités…", an annex's title), edited as text.
 * Its words are the part's entry in the model's text layer (keyed by the part's id, which the
 * part node holds). Generated titles (letters, statements) are shown by the part head instead.
 */
import { $getDocument, ElementNode, type DOMExportOutput, type LexicalNode, type RangeSelection } from 'lexical';
import { element, ownConversion } from './dom';
import { $paragraphAfter } from './blocks';

export class PartTitleNode extends ElementNode {
  override $config() {
    return this.config('rk-part-title', {
      extends: ElementNode,
      importDOM: { div: ownConversion('partTitle', () => ({ node: $createPartTitleNode() })) },
    });
  }

  override createDOM(): HTMLElement {
    return element('div', 'partTitle', 'rk-part-title', { role: 'heading', 'aria-level': '1' });
  }

  override updateDOM(): boolean {
    return false;
  }

  override exportDOM(): DOMExportOutput {
    const el = this.createDOM();
    if (this.isEmpty()) el.append($getDocument().createElement('br'));
    return { element: el };
  }

  override insertNewAfter(_selection: RangeSelection, restoreSelection = true) {
    const next = $paragraphAfter(this);
    this.insertAfter(next, restoreSelection);
    return next;
  }

  /** Backspace at the start of a title does not merge it into the part head. */
  override collapseAtStart(): boolean {
    return true;
  }
}

export function $createPartTitleNode(): PartTitleNode {
  return new PartTitleNode();
}

export function $isPartTitleNode(node: LexicalNode | null | undefined): node is PartTitleNode {
  return node instanceof PartTitleNode;
}
