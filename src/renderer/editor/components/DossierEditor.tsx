/**
 * The structured editor of one dossier in one language: Lexical with the document's nodes,
 * filled from the model (`$documentToEditor`) and saved back as the model (`$editorToDocument`,
 * through autosave), with the masthead above it, the toolbar, find and replace, the
 * cross-reference picker, and the save status.
 *
 * Modes: 'edit' (drafts), 'text' (words only, structure locked: the translator's desk) and
 * 'read' (read-only).
 *
 * Chrome: 'window' (the default) is the editor with its bar and its own scroller; 'pane' is the
 * page alone, for a view that lays several editors out in one scroller (the translator's desk),
 * with the bar rendered into `barSlot` when one is given.
 */
import { forwardRef, useCallback, useEffect, useImperativeHandle, useMemo, useRef, useState, type ReactNode } from 'react';
import { createPortal } from 'react-dom';
import { LexicalComposer } from '@lexical/react/LexicalComposer';
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { RichTextPlugin } from '@lexical/react/LexicalRichTextPlugin';
import { ContentEditable } from '@lexical/react/LexicalContentEditable';
import { HistoryPlugin } from '@lexical/react/LexicalHistoryPlugin';
import { TablePlugin } from '@lexical/react/LexicalTablePlugin';
import { LexicalErrorBoundary } from '@lexical/react/LexicalErrorBoundary';
import { LexicalCollaboration } from '@lexical/react/LexicalCollaborationContext';
import { $getRoot, $getState, COMMAND_PRIORITY_LOW, KEY_DOWN_COMMAND, type LexicalEditor } from 'lexical';
import type { Lang, Meta, RDocument } from '../../../core/model/schema';
import { metaState } from '../nodes/state';
import { layoutDocument } from '../../../core/render/layout';
import type { Dossier, SaveResult } from '../../../shared/ipc-contract';
import { mayWriteText } from '../../../shared/team';
import { api } from '../../api';
import { useAppTranslation } from '../../i18n';
import { Masthead } from '../../components/DocumentView';
import { EDITOR_NODES } from '../nodes';
import { $documentToEditor } from '../mapping/toEditor';
import { HISTORY_MERGE, registerDocumentRules } from '../plugins/documentRules';
import { registerFootnotePlacement } from '../plugins/footnotePlacement';
import { registerLabels, type LabelsHandle } from '../plugins/labels';
import { registerKeyboard, type EditMode } from '../plugins/keyboard';
import { registerClipboard } from '../plugins/clipboard';
import { registerPlaceholders } from '../plugins/placeholders';
import { registerStructureLock } from '../plugins/structureLock';
import { registerPaste } from '../paste/paste';
import { Autosave, type AutosaveOptions } from '../autosave/autosave';
import { registerAutosaveTriggers } from '../autosave/triggers';
import { Toolbar } from './Toolbar';
import { SaveStatus, SaveStateStore } from './SaveStatus';
import { EditModeContext } from './editMode';
import { FindReplace } from './FindReplace';
import { XrefPicker } from './XrefPicker';
import { ShortcutsHelp } from './ShortcutsHelp';
import { $insertItem } from '../plugins/insertCommands';
import { useAppCommands, useFlushBeforeQuit } from '../../commands/registry';
import { registerSpelling, type SpellingHandle } from '../plugins/spelling';
import { pageSpellChecker } from '../../spell/session';
import { SpellMenu } from './SpellMenu';
import { TeamSession, TeamSessionContext, useTeamState } from '../../team/session';
import { TeamCollaboration } from '../../team/TeamCollaboration';
import { VersionNotice } from '../../team/VersionNotice';
// The editable area's look, and that of the two components its nodes draw (a wording's controls, a
// page break's caption): beside them, imported here, because the team server imports the nodes
// (and so these components) under Node, which cannot load CSS.
import '../nodes/nodes.css';
import './WordingControls.css';
import './PageBreakCaption.css';
import './DossierEditor.css';

export type DossierEditorHandle = {
  /** Saves what is unsaved; resolves with the document as it now stands. */
  flush: () => Promise<RDocument>;
  /** The Lexical editor (views that work beside it: alignment, row marks). */
  editor: LexicalEditor;
  /** Something outside the editor's text changed what a save writes (see `beforeSave`): save it. */
  changed: () => void;
};

type Props = {
  dossier: Dossier;
  lang: Lang;
  mode: EditMode;
  /** After each save: the document stored, its version, and the dossier's new summary (its title follows the text). */
  onSaved?: (document: RDocument, version: number, saved: SaveResult) => void;
  onReload?: () => void;
  /** Where saves go (default: the contract's `dossier.save`; the editor bench measures without a host). */
  save?: AutosaveOptions['save'];
  /** Shown at the end of the editor's own toolbar line (language switch, close). */
  children?: ReactNode;
  chrome?: 'window' | 'pane';
  /** With chrome 'pane': where the editor's bar goes (none when absent). */
  barSlot?: HTMLElement | null;
  /** What each save adds to the editor's document, given the last one saved (see Autosave). */
  beforeSave?: (document: RDocument, saved: RDocument) => RDocument;
  /** Side panels beside the page, inside the editor's context (they may read and change its state). */
  aside?: ReactNode;
  /** Each time autosave takes the document from the editor (about a second after a change), before saving it. */
  onDocument?: (document: RDocument) => void;
};

function useRegister(fn: (editor: LexicalEditor) => () => void, deps: unknown[]) {
  const [editor] = useLexicalComposerContext();
  // eslint-disable-next-line react-hooks/exhaustive-deps -- the caller passes its own dependencies
  useEffect(() => fn(editor), [editor, ...deps]);
}

type Panel = 'find' | 'xref' | 'shortcuts' | undefined;

const Inner = forwardRef<DossierEditorHandle, Props & { session: TeamSession | undefined }>(function Inner({ dossier, lang, mode, onSaved, onReload, save, children, chrome = 'window', barSlot, beforeSave, aside, onDocument, session }, ref) {
  const [editor] = useLexicalComposerContext();
  // A shared dossier (issue 15): writable once the shared text is in, and if the server lets this person write.
  const team = useTeamState();
  const cursors = useRef<HTMLDivElement>(null);
  const readOnly = mode === 'read' || !mayWriteText(dossier.team);
  const writable = !readOnly && (team === undefined || team.loaded);
  const { t } = useAppTranslation();
  // The save state as the autosave last reported it: the status line shows it, the flush reads it.
  // eslint-disable-next-line react-hooks/exhaustive-deps -- one store per editor, from its first version
  const saveState = useMemo(() => new SaveStateStore({ kind: 'saved', version: dossier.version }), [editor]);
  const [panel, setPanel] = useState<Panel>();
  const modeRef = useRef(mode);
  modeRef.current = mode;
  const base = useRef(dossier.document);
  const labels = useRef<LabelsHandle | undefined>(undefined);
  const onSavedRef = useRef(onSaved);
  onSavedRef.current = onSaved;
  const beforeSaveRef = useRef(beforeSave);
  beforeSaveRef.current = beforeSave;
  const onDocumentRef = useRef(onDocument);
  onDocumentRef.current = onDocument;

  const autosave = useMemo(
    () =>
      new Autosave({
        editor,
        lang,
        base: dossier.document,
        version: dossier.version,
        save: save ?? ((_document, baseVersion, json) => api.invoke('dossier.save', { id: dossier.id, document: json, baseVersion })),
        onState: (s) => {
          saveState.set(s);
        },
        beforeSave: (doc, saved) => (beforeSaveRef.current ? beforeSaveRef.current(doc, saved) : doc),
        onDocument: (doc) => onDocumentRef.current?.(doc),
        onSaved: (doc, version, saved) => {
          base.current = doc;
          onSavedRef.current?.(doc, version, saved);
        },
      }),
    // One autosave per opened dossier and language (the editor is remounted for another).
    // eslint-disable-next-line react-hooks/exhaustive-deps -- one autosave per editor
    [editor],
  );
  // Leaving the dossier (another one opened, the app closing it) saves what is unsaved first.
  useEffect(() => () => void autosave.flush().finally(() => autosave.dispose()), [autosave]);
  // Before the host quits or stops: saved when nothing is left unsaved.
  useFlushBeforeQuit(async () => {
    await autosave.flush();
    return saveState.get().kind === 'saved';
  });

  useImperativeHandle(ref, () => ({
    flush: async () => {
      await autosave.flush();
      return autosave.document();
    },
    editor,
    changed: () => autosave.changed(),
  }));

  useRegister((e) => registerDocumentRules(e), []);
  // The document goes in once the rules are registered, not as the composer's initial state: a
  // transform registered on a document already there makes Lexical mark every node of its kind
  // dirty and go over the whole document a second time (a third of the time to open a report).
  useEffect(() => {
    if (dossier.team !== undefined) return; // shared: the binding fills it from the shared Yjs document
    if (!editor.getEditorState().isEmpty()) return; // already filled (an effect run twice)
    editor.update(() => $documentToEditor(dossier.document, lang), { discrete: true, tag: HISTORY_MERGE });
    // eslint-disable-next-line react-hooks/exhaustive-deps -- filled once per editor (one per dossier and language)
  }, [editor]);
  // Footnote indicators where the exports put them (after punctuation in English, before it in French).
  useRegister((e) => registerFootnotePlacement(e, () => lang), []);
  useRegister((e) => {
    const handle = registerLabels(e, { lang: () => lang, base: () => base.current });
    labels.current = handle;
    return handle.unregister;
  }, []);
  useRegister((e) => registerKeyboard(e, () => modeRef.current), []);
  useRegister((e) => registerStructureLock(e, () => modeRef.current), []);
  useRegister((e) => registerClipboard(e, () => modeRef.current), []);
  useRegister((e) => registerPlaceholders(e), []);
  useRegister(
    (e) =>
      registerPaste(e, {
        lang: () => lang,
        meta: () => base.current.meta,
        mode: () => modeRef.current,
        holdLabels: (hold) => labels.current?.hold(hold),
      }),
    [],
  );
  useRegister((e) => registerAutosaveTriggers(e, autosave), [autosave]);
  // Spell checking in the editor's language, with the app's own dictionaries (not Chromium's).
  const checker = useMemo(() => pageSpellChecker(), []);
  const [spelling, setSpelling] = useState<SpellingHandle | undefined>();
  useRegister(
    (e) => {
      if (!checker || mode === 'read') return () => undefined;
      const handle = registerSpelling(e, { checker, lang: () => lang });
      setSpelling(handle);
      return () => {
        handle.unregister();
        setSpelling(undefined);
      };
    },
    [checker, mode === 'read'],
  );
  useRegister(
    (e) =>
      e.registerCommand(
        KEY_DOWN_COMMAND,
        (event: KeyboardEvent) => {
          const ctrl = event.ctrlKey || event.metaKey;
          if (!ctrl || event.altKey) return false;
          if (event.code === 'KeyF' && !event.shiftKey) setPanel('find');
          else if (event.code === 'KeyH' && !event.shiftKey) setPanel('find');
          else if (event.code === 'KeyK' && event.shiftKey && modeRef.current === 'edit') setPanel('xref');
          else return false;
          event.preventDefault();
          return true;
        },
        COMMAND_PRIORITY_LOW,
      ),
    [],
  );
  useEffect(() => editor.setEditable(writable), [editor, writable]);

  // The menu's Edit, Insert and Help items that act on the editor (src/renderer/commands).
  const insert = (item: Parameters<typeof $insertItem>[0]) => {
    editor.update(() => $insertItem(item));
    editor.focus();
  };
  const structure = mode === 'edit';
  useAppCommands({ 'edit.find': () => setPanel('find'), 'help.shortcuts': () => setPanel('shortcuts') });
  useAppCommands(
    {
      'insert.footnote': () => insert('footnote'),
      'insert.xref': () => setPanel('xref'),
      'insert.table': () => insert('table'),
      'insert.pageBreak': () => insert('pageBreak'),
      'insert.annex': () => insert('annex'),
      'insert.enclosure': () => insert('enclosure'),
    },
    structure,
  );

  // The masthead depends on the metadata only (not on the words): the metadata as the editor
  // holds it now (the metadata form changes it), so it follows as the user types.
  const meta = useEditorMeta(editor, dossier.document.meta);
  const settings = dossier.document.settings;
  // eslint-disable-next-line react-hooks/exhaustive-deps -- the masthead reads the metadata and settings only
  const masthead = useMemo(() => layoutDocument({ ...dossier.document, meta, settings, parts: [], text: {} }, lang).masthead, [meta, settings, lang]);
  const close = useCallback(() => {
    setPanel(undefined);
    // After the key that closed the panel has been handled, not during it.
    requestAnimationFrame(() => editor.focus());
  }, [editor]);

  const bar = (
    <>
      <div className="rk-editor-bar">
        {!readOnly && <Toolbar mode={mode} onFind={() => setPanel('find')} onXref={() => setPanel('xref')} onShortcuts={() => setPanel('shortcuts')} />}
        {mode === 'text' && !readOnly && <span className="badge">{t('editor.mode.structureLocked')}</span>}
        {readOnly && <span className="badge">{t('editor.mode.readOnly')}</span>}
        <SaveStatus store={saveState} onReload={() => onReload?.()} readOnly={!mayWriteText(dossier.team)} />
        {children}
      </div>
      {panel === 'find' && <FindReplace onClose={close} editable={!readOnly} />}
      {panel === 'xref' && <XrefPicker onClose={close} />}
      {panel === 'shortcuts' && <ShortcutsHelp onClose={close} />}
    </>
  );
  const page = (
    <article className="page rk-page" lang={lang} data-testid="document" data-kind={meta.kind} data-lang={lang} data-team={team ? (team.loaded ? team.connection : 'loading') : undefined}>
      {session && <div ref={cursors} className="rk-cursors" aria-hidden="true" />}
      {session && <VersionNotice />}
      <div className="rk-masthead-box">
        <Masthead masthead={masthead} />
      </div>
      {/* The decorators (wording controls) are rendered here: they learn the mode from the context. */}
      <EditModeContext.Provider value={mode}>
        <RichTextPlugin
          contentEditable={<ContentEditable className="rk-editor" data-testid="editor" aria-label={t('editor.label')} spellCheck={false} lang={lang} />}
          ErrorBoundary={LexicalErrorBoundary}
        />
      </EditModeContext.Provider>
    </article>
  );
  const plugins = (
    <>
      <SpellMenu spelling={spelling} checker={checker} />
      {/* Shared: Yjs keeps the history (the collaboration plugin's undo manager). */}
      {session ? <TeamCollaboration dossierId={dossier.id} lang={lang} session={session} cursorsRef={cursors} /> : <HistoryPlugin />}
      <TablePlugin hasCellMerge={false} hasCellBackgroundColor={false} />
    </>
  );
  if (chrome === 'pane') {
    return (
      <div className="rk-editor-pane" data-mode={mode} data-lang={lang}>
        {barSlot && createPortal(bar, barSlot)}
        {page}
        {plugins}
      </div>
    );
  }
  return (
    <div className="rk-editor-shell" data-mode={mode}>
      {bar}
      <div className="rk-editor-body">
        {/* Read-only, nothing in the page takes focus: the page itself does, so it scrolls with the keyboard. */}
        <div className="page-scroller rk-scroller" tabIndex={mode === 'read' ? 0 : undefined} role={mode === 'read' ? 'region' : undefined} aria-label={mode === 'read' ? t('editor.label') : undefined}>
          {page}
        </div>
        {aside}
      </div>
      {plugins}
    </div>
  );
});

/** The metadata the editor holds (NodeState on the root), updated when an edit changes it. */
function useEditorMeta(editor: LexicalEditor, initial: Meta): Meta {
  const [meta, setMeta] = useState<Meta>(initial);
  useEffect(
    () =>
      editor.registerUpdateListener(({ editorState }) => {
        const now = editorState.read(() => $getState($getRoot(), metaState));
        if (now) setMeta((before) => (before === now ? before : now));
      }),
    [editor],
  );
  return meta;
}

export const DossierEditor = forwardRef<DossierEditorHandle, Props>(function DossierEditor(props, ref) {
  const { dossier, lang, mode } = props;
  const shared = dossier.team !== undefined;
  // eslint-disable-next-line react-hooks/exhaustive-deps -- one session per dossier and language
  const session = useMemo(() => (shared ? new TeamSession() : undefined), [dossier.id, lang, shared]);
  const initialConfig = useMemo(
    () => ({
      namespace: 'rapporteur',
      nodes: [...EDITOR_NODES],
      editable: mode !== 'read' && !shared,
      theme: { text: { bold: 'rk-bold', italic: 'rk-italic', superscript: 'rk-sup' } },
      onError: (e: Error) => console.error('[editor]', e),
      // Filled by Inner once its rules are registered (see there); shared, by the binding from the
      // shared Yjs document.
      editorState: null,
    }),
    // One editor per dossier and language; saves do not refill it.
    // eslint-disable-next-line react-hooks/exhaustive-deps -- filled once per dossier and language
    [dossier.id, lang, shared],
  );
  const composer = (
    <LexicalComposer initialConfig={initialConfig}>
      <Inner ref={ref} {...props} session={session} />
    </LexicalComposer>
  );
  if (!session) return composer;
  return (
    <LexicalCollaboration>
      <TeamSessionContext.Provider value={session}>{composer}</TeamSessionContext.Provider>
    </LexicalCollaboration>
  );
});
