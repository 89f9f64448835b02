/**
 * The signed letter's courtesy wording in the wording list: the salutation, the complimentary
 * close and the addressee block of each letter part, as ../../../core/wording/courtesy words them
 * from the metadata. They are printed only on the mission's letterhead (the original the
 * ambassador signs), never in the text on screen, so they are read and edited here: what is typed
 * becomes the override in the editor's language (on the letter's part node, so it is undoable and
 * autosaved like the rest), and "Use the generated wording" drops it.
 */
import { useEffect, useId, useRef, useState } from 'react';
import { $getNodeByKey, $getRoot, $getState, $setState, type LexicalEditor } from 'lexical';
import type { Lang, Meta } from '../../../core/model/schema';
import { addresseeBlockText, generatedAddresseeBlock, generatedClose, generatedSalutation } from '../../../core/wording/courtesy';
import { $isPartNode } from '../../editor/nodes/PartNode';
import { addresseeOverrideState, closeOverrideState, metaState, salutationOverrideState } from '../../editor/nodes/state';
import { useWorkspaceTranslation } from '../../i18n';
import { panelUpdate } from '../editorState';

export const COURTESY_KINDS = ['salutation', 'close', 'addressee'] as const;
export type CourtesyKind = (typeof COURTESY_KINDS)[number];

const STATES = { salutation: salutationOverrideState, close: closeOverrideState, addressee: addresseeOverrideState } as const;

export type CourtesyWording = { key: string; kind: CourtesyKind; nodeKey: string; overridden: boolean; text: string; generated: string };

function generated(kind: CourtesyKind, meta: Meta, lang: Lang): string {
  const doc = { meta };
  if (kind === 'salutation') return generatedSalutation(doc, lang);
  if (kind === 'close') return generatedClose(doc, lang);
  return addresseeBlockText(generatedAddresseeBlock(doc, lang));
}

/** The courtesy wordings of the editor's letter parts in `lang` (inside a read). */
export function $courtesyWordings(lang: Lang): CourtesyWording[] {
  const meta = $getState($getRoot(), metaState);
  if (!meta || meta.kind !== 'letter') return [];
  const out: CourtesyWording[] = [];
  for (const part of $getRoot().getChildren()) {
    if (!$isPartNode(part) || part.getPartKind() !== 'letter') continue;
    for (const kind of COURTESY_KINDS) {
      const o = $getState(part, STATES[kind]);
      const g = generated(kind, meta, lang);
      out.push({ key: `${kind}:${part.getKey()}`, kind, nodeKey: part.getKey(), overridden: o !== null, text: o ?? g, generated: g });
    }
  }
  return out;
}

/** Sets (a string) or drops (null) one courtesy override: one editor update, one undo step. */
export function setCourtesy(editor: LexicalEditor, w: CourtesyWording, value: string | null): void {
  panelUpdate(editor, () => {
    const node = $getNodeByKey(w.nodeKey);
    if (node) $setState(node, STATES[w.kind], value);
  });
}

/** The wording as an editable text: the override typed, or the generated wording shown until it is edited. */
export function CourtesyText({ w, lang, disabled, onCommit }: { w: CourtesyWording; lang: Lang; disabled: boolean; onCommit: (value: string | null) => void }) {
  const { t } = useWorkspaceTranslation();
  const id = useId();
  const [text, setText] = useState(w.text);
  const last = useRef(w.text);
  // A new value from elsewhere (undo, the addressee's gender changed) replaces what is shown, unless it is what was just typed.
  useEffect(() => {
    if (w.text !== last.current) {
      last.current = w.text;
      setText(w.text);
    }
  }, [w.text]);
  return (
    <>
      <label htmlFor={id} className="visually-hidden">
        {t(`meta.wordingKinds.${w.kind}`)}
      </label>
      <textarea
        id={id}
        className="mf-wording-text mf-courtesy"
        lang={lang}
        rows={w.kind === 'addressee' ? 4 : 2}
        value={text}
        disabled={disabled}
        data-document-content=""
        data-testid={`courtesy-${w.kind}`}
        onChange={(e) => {
          const next = e.target.value;
          setText(next);
          // Empty, or the generated wording typed back: the generated wording (it follows the metadata again).
          const value = next.trim() === '' || next.trim() === w.generated ? null : next.replace(/[ \t]+$/gm, '').replace(/^\n+|\n+$/g, '');
          last.current = value ?? w.generated;
          onCommit(value);
        }}
        // Left empty, the box shows again the generated wording the letter now has.
        onBlur={() => setText((now) => (now.trim() === '' ? w.text : now))}
      />
    </>
  );
}
