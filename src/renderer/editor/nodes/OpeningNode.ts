/** The opening formula of a presidential statement (« Le Conseil de sécurité ayant examiné… »), generated from the metadata. */
import { DecoratorNode, $setState, type LexicalNode } from 'lexical';
import { $convertGenerated, GeneratedBlockNode } from './GeneratedBlockNode';
import { ownConversion } from './dom';
import { newId } from './ids';
import { idState, overrideState } from './state';

export class OpeningNode extends GeneratedBlockNode {
  readonly generatedKind = 'opening' as const;

  override $config() {
    return this.config('rk-opening', {
      extends: DecoratorNode,
      stateConfigs: [idState, overrideState],
      importDOM: { div: ownConversion('opening', (el) => $convertGenerated(el, $createOpeningNode)) },
    });
  }
}

export function $createOpeningNode(id: string = newId.block()): OpeningNode {
  return $setState(new OpeningNode(), idState, id);
}

export function $isOpeningNode(node: LexicalNode | null | undefined): node is OpeningNode {
  return node instanceof OpeningNode;
}
