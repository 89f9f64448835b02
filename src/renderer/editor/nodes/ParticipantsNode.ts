/** A list of participants: participant entries and unnumbered group headings ("Invités d'honneur"). */
import { $setState, ElementNode, type LexicalNode } from 'lexical';
import { ContainerBlockNode } from './ContainerBlockNode';
import { ownConversion } from './dom';
import { newId } from './ids';
import { idState } from './state';

export class ParticipantsNode extends ContainerBlockNode {
  readonly shape = { tag: 'div', kind: 'participants', className: 'rk-block rk-participants' };

  override $config() {
    return this.config('rk-participants', {
      extends: ElementNode,
      stateConfigs: [idState],
      importDOM: { div: ownConversion('participants', (el) => ({ node: $createParticipantsNode(el.getAttribute('data-block-id') ?? '') })) },
    });
  }
}

export function $createParticipantsNode(id: string = newId.block()): ParticipantsNode {
  return $setState(new ParticipantsNode(), idState, id);
}

export function $isParticipantsNode(node: LexicalNode | null | undefined): node is ParticipantsNode {
  return node instanceof ParticipantsNode;
}
