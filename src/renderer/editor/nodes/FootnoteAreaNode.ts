/**
 * The footnotes of a part, at its end: one footnote node per note, in the order their
 * references appear. There are no nested editors (they break under Yjs): a note's words are
 * ordinary inline nodes here, joined to the reference in the text by the footnote's id; the
 * mapping turns them back into the model's inline footnote.
 */
import { ElementNode, type DOMExportOutput, type LexicalNode } from 'lexical';
import { element, ownConversion } from './dom';

export class FootnoteAreaNode extends ElementNode {
  override $config() {
    return this.config('rk-footnotes', {
      extends: ElementNode,
      importDOM: { aside: ownConversion('footnotes', () => ({ node: $createFootnoteAreaNode() })) },
    });
  }

  override isShadowRoot(): boolean {
    return true;
  }

  override createDOM(): HTMLElement {
    return element('aside', 'footnotes', 'rk-footnotes');
  }

  override updateDOM(): boolean {
    return false;
  }

  override exportDOM(): DOMExportOutput {
    return { element: this.createDOM() };
  }
}

export function $createFootnoteAreaNode(): FootnoteAreaNode {
  return new FootnoteAreaNode();
}

export function $isFootnoteAreaNode(node: LexicalNode | null | undefined): node is FootnoteAreaNode {
  return node instanceof FootnoteAreaNode;
}
