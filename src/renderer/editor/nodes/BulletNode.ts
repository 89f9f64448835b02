/** A bullet item (level 1 "•", level 2 "–"). Enter continues the list; Tab / Shift+Tab change the level. */
import { $getDocument, $getState, $setState, ElementNode, NODE_STATE_DIRECT, type DOMConversionOutput, type DOMExportOutput, type LexicalNode, type RangeSelection } from 'lexical';
import { blockExport, element, ownConversion, refreshAttrs } from './dom';
import { newId } from './ids';
import { bulletLevelState, idState } from './state';

export class BulletNode extends ElementNode {
  override $config() {
    return this.config('rk-bullet', {
      extends: ElementNode,
      stateConfigs: [idState, bulletLevelState],
      importDOM: { p: ownConversion('bullet', $convertBullet) },
    });
  }

  getBlockId(): string {
    return $getState(this, idState);
  }

  /** 1 or 2; `written` is the model's own value (absent means level 1). */
  getLevel(): 1 | 2 {
    return $getState(this, bulletLevelState) ?? 1;
  }

  getWrittenLevel(): 1 | 2 | null {
    return $getState(this, bulletLevelState);
  }

  setLevel(level: 1 | 2 | null): this {
    return $setState(this, bulletLevelState, level);
  }

  override createDOM(): HTMLElement {
    return element('p', 'bullet', this.className(), this.attrs());
  }

  override updateDOM(_prev: this, dom: HTMLElement): boolean {
    dom.className = this.className();
    return refreshAttrs(dom, this.attrs());
  }

  override exportDOM(): DOMExportOutput {
    const written = this.getWrittenLevel();
    const el = element('p', 'bullet', this.className(), { ...this.attrs(), 'data-rk-level': written === null ? null : String(written) });
    const mark = $getDocument().createElement('span');
    mark.setAttribute('data-rk-label', '');
    mark.textContent = this.getLevel() === 2 ? '–\u00a0' : '•\u00a0';
    el.prepend(mark);
    return blockExport(el, this.isEmpty());
  }

  override insertNewAfter(_selection: RangeSelection, restoreSelection = true): BulletNode {
    const next = $createBulletNode(this.getWrittenLevel());
    this.insertAfter(next, restoreSelection);
    return next;
  }

  private className(): string {
    return `rk-block rk-bullet level-${$getState(this, bulletLevelState, NODE_STATE_DIRECT) ?? 1}`;
  }

  private attrs() {
    return { 'data-block-id': $getState(this, idState, NODE_STATE_DIRECT) || null };
  }
}

function $convertBullet(el: HTMLElement): DOMConversionOutput {
  const written = el.getAttribute('data-rk-level');
  return { node: $createBulletNode(written === '1' ? 1 : written === '2' ? 2 : null, el.getAttribute('data-block-id') ?? '') };
}

export function $createBulletNode(level: 1 | 2 | null = null, id: string = newId.block()): BulletNode {
  const node = new BulletNode();
  $setState(node, idState, id);
  return level === null ? node : $setState(node, bulletLevelState, level);
}

export function $isBulletNode(node: LexicalNode | null | undefined): node is BulletNode {
  return node instanceof BulletNode;
}
