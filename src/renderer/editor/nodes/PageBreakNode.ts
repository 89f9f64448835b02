/** A page break: the next block starts a new page in the exports. */
import type { ReactNode } from 'react';
import { createElement } from 'react';
import { $getState, $setState, DecoratorNode, NODE_STATE_DIRECT, type DOMExportOutput, type LexicalNode } from 'lexical';
import { element, ownConversion, refreshAttrs } from './dom';
import { newId } from './ids';
import { idState } from './state';
import { PageBreakCaption } from '../components/PageBreakCaption';

export class PageBreakNode extends DecoratorNode<ReactNode> {
  override $config() {
    return this.config('rk-page-break', {
      extends: DecoratorNode,
      stateConfigs: [idState],
      importDOM: { hr: ownConversion('pageBreak', (el) => ({ node: $createPageBreakNode(el.getAttribute('data-block-id') ?? '') })) },
    });
  }

  getBlockId(): string {
    return $getState(this, idState);
  }

  override isInline(): false {
    return false;
  }

  override createDOM(): HTMLElement {
    return element('div', 'pageBreak', 'rk-block rk-page-break', { contenteditable: 'false', 'data-block-id': $getState(this, idState, NODE_STATE_DIRECT) || null });
  }

  override updateDOM(_prev: this, dom: HTMLElement): boolean {
    return refreshAttrs(dom, { 'data-block-id': $getState(this, idState, NODE_STATE_DIRECT) || null });
  }

  override exportDOM(): DOMExportOutput {
    return { element: element('hr', 'pageBreak', 'rk-page-break', { 'data-block-id': this.getBlockId(), style: 'page-break-after: always' }) };
  }

  override getTextContent(): string {
    return '\n';
  }

  override decorate(): ReactNode {
    return createElement(PageBreakCaption);
  }
}

export function $createPageBreakNode(id: string = newId.block()): PageBreakNode {
  return $setState(new PageBreakNode(), idState, id);
}

export function $isPageBreakNode(node: LexicalNode | null | undefined): node is PageBreakNode {
  return node instanceof PageBreakNode;
}
