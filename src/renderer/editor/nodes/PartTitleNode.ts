/**
 * The authored title of a part ("Rapport sur les activités…", an annex's title), edited as text.
 * Its words are the part's entry in the model's text layer (keyed by the part's id, which the
 * part node holds). Generated titles (letters, statements) are shown by the part head instead.
 */
import { ElementNode, type DOMExportOutput, type LexicalNode, type RangeSelection } from 'lexical';
import { blockExport, element, ownConversion } from './dom';
import { $insertParagraphAfter } from './blocks';

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
    return blockExport(el, this.isEmpty());
  }

  override insertNewAfter(_selection: RangeSelection, restoreSelection = true) {
    return $insertParagraphAfter(this, restoreSelection);
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
