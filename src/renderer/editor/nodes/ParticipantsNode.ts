/** A list of participants: participant entries and unnumbered group headings ("Invités d'honneur"). */
import { $getState, $setState, ElementNode, NODE_STATE_DIRECT, type DOMExportOutput, type LexicalNode } from 'lexical';
import { element, ownConversion, refreshAttrs } from './dom';
import { newId } from './ids';
import { idState } from './state';

export class ParticipantsNode extends ElementNode {
  override $config() {
    return this.config('rk-participants', {
      extends: ElementNode,
      stateConfigs: [idState],
      importDOM: { div: ownConversion('participants', (el) => ({ node: $createParticipantsNode(el.getAttribute('data-block-id') ?? '') })) },
    });
  }

  getBlockId(): string {
    return $getState(this, idState);
  }

  override isShadowRoot(): boolean {
    return true;
  }

  override createDOM(): HTMLElement {
    return element('div', 'participants', 'rk-block rk-participants', { 'data-block-id': $getState(this, idState, NODE_STATE_DIRECT) || null });
  }

  override updateDOM(_prev: this, dom: HTMLElement): boolean {
    return refreshAttrs(dom, { 'data-block-id': $getState(this, idState, NODE_STATE_DIRECT) || null });
  }

  override exportDOM(): DOMExportOutput {
    return { element: this.createDOM() };
  }
}

export function $createParticipantsNode(id: string = newId.block()): ParticipantsNode {
  return $setState(new ParticipantsNode(), idState, id);
}

export function $isParticipantsNode(node: LexicalNode | null | undefined): node is ParticipantsNode {
  return node instanceof ParticipantsNode;
}
