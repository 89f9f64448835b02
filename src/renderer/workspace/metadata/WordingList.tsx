/**
 * Every generated wording of the document in this language — titles, annex and enclosure
 * headings, closing requests, opening formulas, signature lines — with whether it has been
 * edited, a way back to the generated wording, and a link to it in the document (where "Edit
 * this wording" changes it). A letter's courtesy wording (salutation, complimentary close,
 * addressee block), which only the signed letter on the letterhead prints, is shown and edited
 * here (./CourtesyWording.tsx).
 */
import { $getNodeByKey, $getRoot, $getState, $setState, type LexicalNode } from 'lexical';
import { spansText } from '../../../core/render/spans';
import { useWorkspaceTranslation } from '../../i18n';
import { $isPartNode } from '../../editor/nodes/PartNode';
import { GeneratedBlockNode } from '../../editor/nodes/GeneratedBlockNode';
import { headingOverrideState, overrideState, titleOverrideState } from '../../editor/nodes/state';
import { panelUpdate, useDerivedView, useEditor } from '../editorState';
import { $courtesyWordings, CourtesyText, setCourtesy } from './CourtesyWording';

type Wording = {
  key: string;
  kind: 'title' | 'heading' | 'closing' | 'opening' | 'signature';
  /** The node whose element to show, and whose state holds the override. */
  nodeKey: string;
  headKey: string;
  overridden: boolean;
  text: string;
};

function $collect(view: ReturnType<typeof useDerivedView>): Wording[] {
  const out: Wording[] = [];
  for (const part of $getRoot().getChildren()) {
    if (!$isPartNode(part)) continue;
    const head = part.getFirstChild();
    const headKey = head?.getKey() ?? part.getKey();
    const computed = view.computed?.partHeads.get(headKey);
    const heading = $getState(part, headingOverrideState);
    if (computed?.heading || heading !== null) out.push({ key: `heading:${part.getKey()}`, kind: 'heading', nodeKey: part.getKey(), headKey, overridden: heading !== null, text: heading ?? spansText(computed?.heading ?? []) });
    const title = $getState(part, titleOverrideState);
    if ((computed && computed.title.length > 0) || title !== null) out.push({ key: `title:${part.getKey()}`, kind: 'title', nodeKey: part.getKey(), headKey, overridden: title !== null, text: title ?? spansText(computed?.title ?? []) });
    const visit = (node: LexicalNode) => {
      if (node instanceof GeneratedBlockNode) {
        const o = $getState(node, overrideState);
        out.push({ key: `${node.generatedKind}:${node.getKey()}`, kind: node.generatedKind, nodeKey: node.getKey(), headKey: node.getKey(), overridden: o !== null, text: o ?? view.generatedText(node.getKey()) ?? '' });
      } else if ('getChildren' in node && typeof node.getChildren === 'function') for (const c of (node as { getChildren: () => LexicalNode[] }).getChildren()) visit(c);
    };
    for (const c of part.getChildren()) visit(c);
  }
  return out;
}

export function WordingList({ disabled }: { disabled: boolean }) {
  const { t } = useWorkspaceTranslation();
  const editor = useEditor();
  const view = useDerivedView();
  const list = editor.getEditorState().read(() => $collect(view));
  const lang = view.computed?.snapshot.lang;
  const courtesy = lang ? editor.getEditorState().read(() => $courtesyWordings(lang)) : [];
  const reset = (w: Wording) =>
    panelUpdate(editor, () => {
      const node = $getNodeByKey(w.nodeKey);
      if (!node) return;
      $setState(node, w.kind === 'title' ? titleOverrideState : w.kind === 'heading' ? headingOverrideState : overrideState, null);
    });
  const show = (w: Wording) => {
    const el = editor.getElementByKey(w.headKey);
    if (!el) return;
    el.scrollIntoView({ block: 'center' });
    el.classList.remove('flash');
    void el.offsetWidth;
    el.classList.add('flash');
    el.querySelector<HTMLElement>('button')?.focus({ preventScroll: true });
  };
  if (list.length === 0) return null;
  return (
    <fieldset className="mf-group" data-testid="meta-wording">
      <legend>{t('meta.wording')}</legend>
      <p className="mf-hint">{t('meta.wordingHint')}</p>
      <ul className="mf-wordings">
        {list.map((w) => (
          <li key={w.key} data-testid="wording-item" data-kind={w.kind} data-overridden={w.overridden}>
            <span className="mf-wording-kind">
              {t(`meta.wordingKinds.${w.kind}`)} <span className={w.overridden ? 'mf-flag edited' : 'mf-flag'}>{t(w.overridden ? 'meta.wordingEdited' : 'meta.wordingGenerated')}</span>
            </span>
            <span className="mf-wording-text" lang={view.computed?.snapshot.lang} data-document-content="">
              {w.text}
            </span>
            <span className="mf-row">
              <button type="button" className="link" onClick={() => show(w)}>
                {t('meta.wordingShow')}
              </button>
              {w.overridden && (
                <button type="button" className="link" disabled={disabled} data-testid="wording-list-reset" onClick={() => reset(w)}>
                  {t('meta.wordingReset')}
                </button>
              )}
            </span>
          </li>
        ))}
      </ul>
      {lang && courtesy.length > 0 && (
        <>
          <p className="mf-hint" id="meta-courtesy-hint">
            {t('meta.courtesyHint')}
          </p>
          <ul className="mf-wordings" aria-describedby="meta-courtesy-hint">
            {courtesy.map((w) => (
              <li key={w.key} data-testid="wording-item" data-kind={w.kind} data-overridden={w.overridden}>
                <span className="mf-wording-kind">
                  {t(`meta.wordingKinds.${w.kind}`)} <span className={w.overridden ? 'mf-flag edited' : 'mf-flag'}>{t(w.overridden ? 'meta.wordingEdited' : 'meta.wordingGenerated')}</span>
                </span>
                <CourtesyText w={w} lang={lang} disabled={disabled} onCommit={(v) => setCourtesy(editor, w, v)} />
                {w.overridden && (
                  <span className="mf-row">
                    <button type="button" className="link" disabled={disabled} data-testid="wording-list-reset" onClick={() => setCourtesy(editor, w, null)}>
                      {t('meta.wordingReset')}
                    </button>
                  </span>
                )}
              </li>
            ))}
          </ul>
        </>
      )}
    </fieldset>
  );
}
