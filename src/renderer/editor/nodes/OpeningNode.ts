/** The opening formula of a presidential statement (« Le Conseil de sécurité ayant examiné… »), generated from the metadata. */
import { DecoratorNode, $setState, type DOMConversionOutput, type LexicalNode } from 'lexical';
import { GeneratedBlockNode } from './GeneratedBlockNode';
import { ownConversion } from './dom';
import { newId } from './ids';
import { idState, overrideState } from './state';

export class OpeningNode extends GeneratedBlockNode {
  readonly generatedKind = 'opening' as const;

  override $config() {
    return this.config('rk-opening', {
      extends: DecoratorNode,
      stateConfigs: [idState, overrideState],
      importDOM: { div: ownConversion('opening', $convertOpening) },
    });
  }
}

function $convertOpening(el: HTMLElement): DOMConversionOutput {
  const node = $createOpeningNode(el.getAttribute('data-block-id') ?? '');
  const o = el.getAttribute('data-rk-override');
  if (o !== null) $setState(node, overrideState, o);
  return { node, forChild: () => null };
}

export function $createOpeningNode(id: string = newId.block()): OpeningNode {
  return $setState(new OpeningNode(), idState, id);
}

export function $isOpeningNode(node: LexicalNode | null | undefined): node is OpeningNode {
  return node instanceof OpeningNode;
}
