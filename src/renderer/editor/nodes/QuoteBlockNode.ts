/** A quotation / statement block: its paragraphs are shown inside quotation marks (the layout's rule). */
import { $setState, ElementNode, type LexicalNode } from 'lexical';
import { ContainerBlockNode } from './ContainerBlockNode';
import { ownConversion } from './dom';
import { newId } from './ids';
import { idState } from './state';

export class QuoteBlockNode extends ContainerBlockNode {
  readonly shape = { tag: 'blockquote', kind: 'quote', className: 'rk-block rk-quote' };

  override $config() {
    return this.config('rk-quote', {
      extends: ElementNode,
      stateConfigs: [idState],
      importDOM: { blockquote: ownConversion('quote', (el) => ({ node: $createQuoteBlockNode(el.getAttribute('data-block-id') ?? '') })) },
    });
  }
}

export function $createQuoteBlockNode(id: string = newId.block()): QuoteBlockNode {
  return $setState(new QuoteBlockNode(), idState, id);
}

export function $isQuoteBlockNode(node: LexicalNode | null | undefined): node is QuoteBlockNode {
  return node instanceof QuoteBlockNode;
}
