/**
 * Shared by the blocks that hold other blocks under one id, as a shadow root (a quotation, a list
 * of participants): their element, kept in step with the id, is also their copy on the clipboard.
 */
import { $getState, ElementNode, NODE_STATE_DIRECT, type DOMExportOutput } from 'lexical';
import { element, refreshAttrs } from './dom';
import { idState } from './state';

export abstract class ContainerBlockNode extends ElementNode {
  /** The element's tag, its `data-rk` kind and its class. */
  abstract readonly shape: { tag: string; kind: string; className: string };

  getBlockId(): string {
    return $getState(this, idState);
  }

  override isShadowRoot(): boolean {
    return true;
  }

  override createDOM(): HTMLElement {
    return element(this.shape.tag, this.shape.kind, this.shape.className, this.attrs());
  }

  override updateDOM(_prev: this, dom: HTMLElement): boolean {
    return refreshAttrs(dom, this.attrs());
  }

  override exportDOM(): DOMExportOutput {
    return { element: this.createDOM() };
  }

  private attrs() {
    return { 'data-block-id': $getState(this, idState, NODE_STATE_DIRECT) || null };
  }
}
