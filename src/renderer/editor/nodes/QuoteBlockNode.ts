/** A quotation / statement block: its paragraphs are shown inside quotation marks (the layout's rule). */
import { $getState, $setState, ElementNode, NODE_STATE_DIRECT, type DOMExportOutput, type LexicalNode } from 'lexical';
import { element, ownConversion, refreshAttrs } from './dom';
import { newId } from './ids';
import { idState } from './state';

export class QuoteBlockNode extends ElementNode {
  override $config() {
    return this.config('rk-quote', {
      extends: ElementNode,
      stateConfigs: [idState],
      importDOM: { blockquote: ownConversion('quote', (el) => ({ node: $createQuoteBlockNode(el.getAttribute('data-block-id') ?? '') })) },
    });
  }

  getBlockId(): string {
    return $getState(this, idState);
  }

  override isShadowRoot(): boolean {
    return true;
  }

  override createDOM(): HTMLElement {
    return element('blockquote', 'quote', 'rk-block rk-quote', { 'data-block-id': $getState(this, idState, NODE_STATE_DIRECT) || null });
  }

  override updateDOM(_prev: this, dom: HTMLElement): boolean {
    return refreshAttrs(dom, { 'data-block-id': $getState(this, idState, NODE_STATE_DIRECT) || null });
  }

  override exportDOM(): DOMExportOutput {
    return { element: this.createDOM() };
  }
}

export function $createQuoteBlockNode(id: string = newId.block()): QuoteBlockNode {
  return $setState(new QuoteBlockNode(), idState, id);
}

export function $isQuoteBlockNode(node: LexicalNode | null | undefined): node is QuoteBlockNode {
  return node instanceof QuoteBlockNode;
}
