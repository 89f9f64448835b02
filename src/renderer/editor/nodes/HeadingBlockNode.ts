/**
 * A heading at one of the model's levels: part ("Première partie"), chapter (I.), section (A.),
 * subsection (1.) or unnumbered. Enter after a heading starts a paragraph (numbered in a text
 * whose paragraphs are numbered).
 */
import { $getState, $setState, ElementNode, NODE_STATE_DIRECT, type DOMConversionOutput, type DOMExportOutput, type LexicalEditor, type LexicalNode, type RangeSelection } from 'lexical';
import type { HeadingLevel } from '../../../core/model/schema';
import { blockExport, element, ownConversion, setAttrs, withLabel } from './dom';
import { newId } from './ids';
import { $insertParagraphAfter } from './blocks';
import { headingLevelState, idState } from './state';

const ARIA_LEVEL: Record<HeadingLevel, string> = { part: '2', chapter: '3', section: '4', subsection: '5', unnumbered: '5' };

export class HeadingBlockNode extends ElementNode {
  override $config() {
    return this.config('rk-heading', {
      extends: ElementNode,
      stateConfigs: [idState, headingLevelState],
      importDOM: { div: ownConversion('heading', $convertHeading) },
    });
  }

  getBlockId(): string {
    return $getState(this, idState);
  }

  getLevel(): HeadingLevel {
    return $getState(this, headingLevelState);
  }

  setLevel(level: HeadingLevel): this {
    return $setState(this, headingLevelState, level);
  }

  override createDOM(): HTMLElement {
    return element('div', 'heading', '', this.attrs());
  }

  override updateDOM(_prev: this, dom: HTMLElement): boolean {
    setAttrs(dom, this.attrs());
    dom.className = this.className();
    return false;
  }

  override exportDOM(editor: LexicalEditor): DOMExportOutput {
    const el = withLabel(element('div', 'heading', this.className(), { ...this.attrs(), 'data-rk-level': this.getLevel() }), editor, this);
    return blockExport(el, this.isEmpty());
  }

  override insertNewAfter(_selection: RangeSelection, restoreSelection = true) {
    return $insertParagraphAfter(this, restoreSelection);
  }

  private className(): string {
    return `rk-block rk-heading heading-${$getState(this, headingLevelState, NODE_STATE_DIRECT)}`;
  }

  private attrs() {
    const level = $getState(this, headingLevelState, NODE_STATE_DIRECT);
    return { 'data-block-id': $getState(this, idState, NODE_STATE_DIRECT) || null, role: 'heading', 'aria-level': ARIA_LEVEL[level], class: this.className() };
  }
}

function $convertHeading(el: HTMLElement): DOMConversionOutput {
  const level = (el.getAttribute('data-rk-level') ?? 'chapter') as HeadingLevel;
  return { node: $createHeadingBlockNode(level, el.getAttribute('data-block-id') ?? '') };
}

export function $createHeadingBlockNode(level: HeadingLevel, id: string = newId.block()): HeadingBlockNode {
  const node = new HeadingBlockNode();
  $setState(node, idState, id);
  return $setState(node, headingLevelState, level);
}

export function $isHeadingBlockNode(node: LexicalNode | null | undefined): node is HeadingBlockNode {
  return node instanceof HeadingBlockNode;
}
