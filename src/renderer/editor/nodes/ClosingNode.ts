/** The closing request of a letter (« Je vous serais reconnaissant… »), generated from the metadata. */
import { DecoratorNode, $setState, type LexicalNode } from 'lexical';
import { $convertGenerated, GeneratedBlockNode } from './GeneratedBlockNode';
import { ownConversion } from './dom';
import { newId } from './ids';
import { idState, overrideState } from './state';

export class ClosingNode extends GeneratedBlockNode {
  readonly generatedKind = 'closing' as const;

  override $config() {
    return this.config('rk-closing', {
      extends: DecoratorNode,
      stateConfigs: [idState, overrideState],
      importDOM: { div: ownConversion('closing', (el) => $convertGenerated(el, $createClosingNode)) },
    });
  }
}

export function $createClosingNode(id: string = newId.block()): ClosingNode {
  return $setState(new ClosingNode(), idState, id);
}

export function $isClosingNode(node: LexicalNode | null | undefined): node is ClosingNode {
  return node instanceof ClosingNode;
}
