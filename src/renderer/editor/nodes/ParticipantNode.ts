/** One entry of a list of participants ("M. Atul Khare, Sous-Secrétaire général…"). */
import { $getState, $setState, ElementNode, NODE_STATE_DIRECT, type DOMExportOutput, type LexicalNode, type RangeSelection } from 'lexical';
import { blockExport, element, ownConversion, refreshAttrs } from './dom';
import { newId } from './ids';
import { idState } from './state';

export class ParticipantNode extends ElementNode {
  override $config() {
    return this.config('rk-participant', {
      extends: ElementNode,
      stateConfigs: [idState],
      importDOM: { p: ownConversion('participant', (el) => ({ node: $createParticipantNode(el.getAttribute('data-block-id') ?? '') })) },
    });
  }

  getBlockId(): string {
    return $getState(this, idState);
  }

  override createDOM(): HTMLElement {
    return element('p', 'participant', 'rk-block rk-participant', this.attrs());
  }

  override updateDOM(_prev: this, dom: HTMLElement): boolean {
    return refreshAttrs(dom, this.attrs());
  }

  override exportDOM(): DOMExportOutput {
    const el = this.createDOM();
    return blockExport(el, this.isEmpty());
  }

  override insertNewAfter(_selection: RangeSelection, restoreSelection = true): ParticipantNode {
    const next = $createParticipantNode();
    this.insertAfter(next, restoreSelection);
    return next;
  }

  private attrs() {
    return { 'data-block-id': $getState(this, idState, NODE_STATE_DIRECT) || null };
  }
}

export function $createParticipantNode(id: string = newId.block()): ParticipantNode {
  return $setState(new ParticipantNode(), idState, id);
}

export function $isParticipantNode(node: LexicalNode | null | undefined): node is ParticipantNode {
  return node instanceof ParticipantNode;
}

