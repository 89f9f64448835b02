/**
 * A part of the document (cover letter, the text it transmits, an annex, an enclosure): a
 * top-level container of the editor that opens with its part head (generated heading and title,
 * read-only) and holds the part's blocks and, at its end, its footnote area. Parts are flat
 * children of the root; `depth` says which part owns which (an annex of the report follows the
 * report, one level deeper), as the layout lists them.
 */
import { $getState, $setState, ElementNode, NODE_STATE_DIRECT, type DOMConversionOutput, type DOMExportOutput, type LexicalNode } from 'lexical';
import type { BodyType, Lang, PartKind } from '../../../core/model/schema';
import { dropConversion, element, LABEL_ATTR, ownConversion, refreshAttrs } from './dom';
import { newId } from './ids';
import { bodyTypeState, depthState, headingOverrideState, idState, originalLanguageState, partKindState, titleOverrideState } from './state';

export type PartInit = { id?: string; kind: PartKind; depth: number; bodyType?: BodyType | undefined; originalLanguage?: Lang | undefined };

export class PartNode extends ElementNode {
  override $config() {
    return this.config('rk-part', {
      extends: ElementNode,
      stateConfigs: [idState, partKindState, bodyTypeState, originalLanguageState, depthState, titleOverrideState, headingOverrideState],
      importDOM: {
        section: ownConversion('part', $convertPart),
        // Labels and bullets copied with the text ("12. ", "• ") are not words: they are dropped when pasted back.
        span: (el: HTMLElement) => (el.hasAttribute(LABEL_ATTR) ? { conversion: dropConversion, priority: 4 as const } : null),
      },
    });
  }

  getPartId(): string {
    return $getState(this, idState);
  }

  getPartKind(): PartKind {
    return $getState(this, partKindState);
  }

  getDepth(): number {
    return $getState(this, depthState);
  }

  override isShadowRoot(): boolean {
    return true;
  }

  override canBeEmpty(): boolean {
    return false;
  }

  override createDOM(): HTMLElement {
    return element('section', 'part', this.className(), this.attrs());
  }

  override updateDOM(_prev: this, dom: HTMLElement): boolean {
    dom.className = this.className();
    return refreshAttrs(dom, this.attrs());
  }

  override exportDOM(): DOMExportOutput {
    const el = element('section', 'part', this.className(), {
      ...this.attrs(),
      'data-rk-body-type': $getState(this, bodyTypeState),
      'data-rk-original': $getState(this, originalLanguageState),
      'data-rk-title-override': $getState(this, titleOverrideState),
      'data-rk-heading-override': $getState(this, headingOverrideState),
    });
    return { element: el };
  }

  private className(): string {
    return `rk-part rk-part-${$getState(this, partKindState, NODE_STATE_DIRECT)}`;
  }

  private attrs() {
    return {
      'data-part-id': $getState(this, idState, NODE_STATE_DIRECT) || null,
      'data-part-kind': $getState(this, partKindState, NODE_STATE_DIRECT),
      'data-depth': String($getState(this, depthState, NODE_STATE_DIRECT)),
    };
  }
}

function $convertPart(el: HTMLElement): DOMConversionOutput {
  const kind = (el.getAttribute('data-part-kind') ?? 'body') as PartKind;
  const node = $createPartNode({
    id: el.getAttribute('data-part-id') ?? '',
    kind,
    depth: Number(el.getAttribute('data-depth') ?? '0'),
    bodyType: (el.getAttribute('data-rk-body-type') ?? undefined) as BodyType | undefined,
    originalLanguage: (el.getAttribute('data-rk-original') ?? undefined) as Lang | undefined,
  });
  const title = el.getAttribute('data-rk-title-override');
  const heading = el.getAttribute('data-rk-heading-override');
  if (title !== null) $setState(node, titleOverrideState, title);
  if (heading !== null) $setState(node, headingOverrideState, heading);
  return { node };
}

export function $createPartNode(init: PartInit): PartNode {
  const node = new PartNode();
  $setState(node, idState, init.id ?? newId.part());
  $setState(node, partKindState, init.kind);
  $setState(node, depthState, init.depth);
  if (init.bodyType) $setState(node, bodyTypeState, init.bodyType);
  if (init.originalLanguage) $setState(node, originalLanguageState, init.originalLanguage);
  return node;
}

export function $isPartNode(node: LexicalNode | null | undefined): node is PartNode {
  return node instanceof PartNode;
}
