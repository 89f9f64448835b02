/**
 * The translator's desk: the source on the left, read-only, and the translation on the right,
 * editable (words only), both in the structured editor with the same nodes, in one scroller so
 * they scroll together, aligned row by row (align.ts). Each row of the translation is marked
 * untranslated, translated or outdated (marks.ts, from session.ts); the bar shows the progress,
 * goes to the next row to translate (F8) and marks a row still correct (Ctrl+Enter); below, the
 * translation memory's matches and the terms of the current row (DeskAssist), and the dossier's
 * glossary (GlossaryEditor), whose terms are highlighted in the source.
 *
 * One save path: the translation's editor autosaves, and each save records what was translated
 * (session.beforeSave → core confirmEdits) and the glossary.
 */
import { useCallback, useEffect, useMemo, useRef, useState, useSyncExternalStore } from 'react';
import { $createTextNode, $getNearestNodeFromDOMNode, $getNodeByKey, $getSelection, $isElementNode, $isRangeSelection, SKIP_SCROLL_INTO_VIEW_TAG, type LexicalEditor } from 'lexical';
import type { Inline, RDocument } from '../../core/model/schema';
import { plainWords, productTerms, glossaryTerms } from '../../core/translation/terms';
import type { TranslationPair } from '../../core/translation/versions';
import { numberDocument, type BlockLabel } from '../../core/numbering/numbering';
import type { Dossier } from '../../shared/ipc-contract';
import { useAppTranslation } from '../i18n';
import { api } from '../api';
import { DossierEditor, type DossierEditorHandle } from '../editor/components/DossierEditor';
import { DeskSession } from './session';
import { RowAligner } from './align';
import { RowMarks } from './marks';
import { $rowContent, $rowIdOf } from './units';
import { clearTermHighlights, termRanges } from './highlight';
import { DeskAssist, type AssistHandle } from './DeskAssist';
import { GlossaryEditor } from './GlossaryEditor';
import { changesNote } from './changes';
import './desk.css';

type Props = {
  dossier: Dossier;
  pair: TranslationPair;
  /** The row to start at (from the address), if any. */
  initialRow?: string | undefined;
  /** Nothing may be written (a finalised or trashed dossier, a team reader): the translation, the marks and the glossary are shown only. */
  readOnly?: boolean;
  onRow?: (id: string | undefined) => void;
  onSaved: (document: RDocument, version: number) => void;
  onReload: () => void;
  /** Lets the view around flush the translation before it goes (another view, close). */
  deskRef?: React.RefObject<DossierEditorHandle | null>;
};

/** How the aids name a row: its label as the translation prints it, a subparagraph's with its paragraph's number ("12 (b)"). */
const rowName = (label: BlockLabel | undefined): string => (label === undefined ? '' : label.kind === 'subparagraph' ? label.ref : label.label);

/** The words of a row as plain text (what the memory is asked about). */
const rowText = (content: Inline[]) => plainWords(content).replace(/\s+/g, ' ').trim();

export function TranslationDesk({ dossier, pair, initialRow, readOnly = false, onRow, onSaved, onReload, deskRef }: Props) {
  const { t, i18n } = useAppTranslation();
  const tRef = useRef(t);
  tRef.current = t;
  // eslint-disable-next-line react-hooks/exhaustive-deps -- one session per dossier and pair: the document changes through the session, not through props
  const session = useMemo(() => new DeskSession(dossier.document, pair), [dossier.id, pair.source, pair.target]);
  // The structure does not change at the desk: its labels are numbered once, in the translation's
  // form (the row the caret is on is the translation's: "(a)" in English, "a)" in French).
  // eslint-disable-next-line react-hooks/exhaustive-deps -- numbered once per session: the structure does not change at the desk
  const numbering = useMemo(() => numberDocument(dossier.document, pair.target), [session]);
  const subscribe = useCallback((l: () => void) => session.subscribe(l), [session]);
  useSyncExternalStore(subscribe, () => session.revision);
  const source = useRef<DossierEditorHandle>(null);
  const target = useRef<DossierEditorHandle>(null);
  const [barSlot, setBarSlot] = useState<HTMLDivElement | null>(null);
  const [current, setCurrent] = useState<string | undefined>(undefined);
  const [glossaryOpen, setGlossaryOpen] = useState(false);
  const marks = useRef<RowMarks | undefined>(undefined);
  const aligner = useRef<RowAligner | undefined>(undefined);
  const sourceView = useRef<HTMLDivElement>(null);
  const scroller = useRef<HTMLDivElement>(null);
  const assist = useRef<AssistHandle>(null);
  const currentRef = useRef<string | undefined>(undefined);
  currentRef.current = current;
  const onRowRef = useRef(onRow);
  onRowRef.current = onRow;

  const setTargetRef = useCallback(
    (h: DossierEditorHandle | null) => {
      target.current = h;
      if (deskRef) deskRef.current = h;
    },
    [deskRef],
  );

  /** Puts the caret at the end of a row of the translation, where it is on screen. */
  const placeCaret = useCallback((id: string): boolean => {
    const editor = target.current?.editor;
    const key = marks.current?.nodeKey(id);
    if (!editor || key === undefined) return false;
    editor.update(
      () => {
        const node = $getNodeByKey(key);
        if ($isElementNode(node)) node.selectEnd();
      },
      { tag: SKIP_SCROLL_INTO_VIEW_TAG },
    );
    return true;
  }, []);

  /** Puts the caret at the end of a row of the translation and brings it to the middle of the screen. */
  const goTo = useCallback(
    (id: string) => {
      if (!placeCaret(id)) return;
      target.current?.editor.focus();
      requestAnimationFrame(() => marks.current?.element(id)?.scrollIntoView({ block: 'center' }));
    },
    [placeCaret],
  );

  const next = useCallback(
    (backwards = false) => {
      const row = session.next(currentRef.current, backwards);
      if (row) goTo(row.id);
    },
    [session, goTo],
  );

  /** The rows outdated now (those with a note of their changes, or about to). */
  const outdatedRows = () => [...session.allStatuses()].filter(([, s]) => s === 'outdated').map(([id]) => id);

  const contentOf = (editor: LexicalEditor, id: string): Inline[] => {
    const key = marks.current?.nodeKey(id);
    return key === undefined ? [] : editor.getEditorState().read(() => { const n = $getNodeByKey(key); return n ? $rowContent(n) : []; }, { editor });
  };

  const confirmCurrent = useCallback(() => {
    const id = currentRef.current;
    const editor = target.current?.editor;
    if (id !== undefined && editor && !readOnly && session.confirm(id, contentOf(editor, id))) {
      marks.current?.setStatus(id, 'translated');
      aligner.current?.refresh([id]);
      target.current?.changed();
    }
    next();
  }, [session, next, readOnly]);

  /** Replaces the current row's words with `text` (a memory match), as the translator's own edit. */
  const replaceCurrent = useCallback((text: string) => {
    const id = currentRef.current;
    const editor = target.current?.editor;
    const key = id === undefined ? undefined : marks.current?.nodeKey(id);
    if (!editor || key === undefined) return;
    editor.update(() => {
      const node = $getNodeByKey(key);
      if (!$isElementNode(node)) return;
      node.clear();
      node.append($createTextNode(text));
      node.selectEnd();
    });
    editor.focus();
  }, []);

  /** Inserts `text` at the caret (a term's translation). */
  const insertAtCaret = useCallback((text: string) => {
    const editor = target.current?.editor;
    if (!editor) return;
    editor.update(() => {
      const selection = $getSelection();
      if ($isRangeSelection(selection)) selection.insertText(text);
    });
    editor.focus();
  }, []);

  // The two editors exist: align them, mark the rows, follow the caret and the edits.
  useEffect(() => {
    const src = source.current?.editor;
    const tgt = target.current?.editor;
    if (!src || !tgt || !sourceView.current || !scroller.current) return;
    const pane = (editor: LexicalEditor) => editor.getRootElement()?.closest('.rk-editor-pane')?.querySelector<HTMLElement>('.rk-masthead-box') ?? null;
    const align = new RowAligner({ editor: src, masthead: pane(src) }, { editor: tgt, masthead: pane(tgt) }, sourceView.current, scroller.current);
    aligner.current = align;
    const m = new RowMarks(src, tgt);
    marks.current = m;
    m.setStatuses(session.allStatuses());
    // An outdated row shows, under its source, the words that changed since it was translated.
    const noteOf = (id: string) => {
      const runs = session.changes(id);
      const tr = tRef.current;
      return runs ? changesNote(runs, { label: tr('desk.changes.label'), removed: tr('desk.changes.removed'), added: tr('desk.changes.added') }) : null;
    };
    align.setNotes(noteOf, outdatedRows());

    const unregister = tgt.registerUpdateListener(({ dirtyElements, dirtyLeaves, editorState, prevEditorState }) => {
      if (prevEditorState.isEmpty()) return;
      // The caret's row: none when the caret is in the translation outside every row (its masthead,
      // a generated part); unknown (kept) when the translation has no caret (a click on the aids).
      let caret = false;
      let row: string | undefined;
      const edited = new Map<string, Inline[]>();
      editorState.read(
        () => {
          const selection = $getSelection();
          if ($isRangeSelection(selection)) {
            caret = true;
            const id = $rowIdOf(selection.anchor.getNode());
            row = id !== undefined && session.isRow(id) ? id : undefined;
          }
          if (dirtyElements.size === 0 && dirtyLeaves.size === 0) return;
          for (const key of [...dirtyLeaves, ...dirtyElements.keys()]) {
            const id = $rowIdOf($getNodeByKey(key));
            if (id === undefined || edited.has(id) || !session.isRow(id)) continue;
            const rowKey = m.nodeKey(id);
            const node = rowKey === undefined ? null : $getNodeByKey(rowKey);
            if (node) edited.set(id, $rowContent(node));
          }
        },
        { editor: tgt },
      );
      const changed = session.edited(edited);
      for (const id of changed) m.setStatus(id, session.status(id)!);
      align.refresh(changed);
      if (caret && row !== currentRef.current) {
        currentRef.current = row;
        m.setCurrent(row);
        setCurrent(row);
        onRowRef.current?.(row);
        assist.current?.targetText(row === undefined ? '' : rowText(contentOf(tgt, row)));
      } else if (currentRef.current !== undefined && edited.has(currentRef.current)) {
        assist.current?.targetText(rowText(edited.get(currentRef.current)!));
      }
    });

    // A click in the source (on a copy of its rows) goes to the same row of the translation.
    const srcRoot = sourceView.current;
    const onSourceClick = (e: MouseEvent) => {
      // Words being selected in the source (dragged over, a double click) are for copying: stay.
      const selection = window.getSelection();
      if (e.detail > 1 || (selection && !selection.isCollapsed && srcRoot.contains(selection.anchorNode))) return;
      const node = align.original(e.target as Node);
      const id = node && src.getEditorState().read(() => $rowIdOf($getNearestNodeFromDOMNode(node)), { editor: src });
      if (id !== undefined && session.isRow(id)) goTo(id);
    };
    srcRoot.addEventListener('click', onSourceClick);

    // A click in a row's empty room (an empty row is as tall as its source, a short one has the
    // aligner's spacer under its words) puts the caret in that row: the browser puts it at the
    // nearest words, which were often the next row's (a click low in row 74 went to row 75).
    const tgtRoot = tgt.getRootElement();
    const onTargetClick = (e: MouseEvent) => {
      const selection = window.getSelection();
      if (e.detail > 1 || !(e.target instanceof Element) || !selection?.isCollapsed) return;
      const clicked = e.target.closest('[data-block-id]');
      if (!clicked || !tgtRoot?.contains(clicked) || clicked.contains(selection.anchorNode)) return;
      const id = tgt.getEditorState().read(() => $rowIdOf($getNearestNodeFromDOMNode(clicked)), { editor: tgt });
      if (id !== undefined && session.isRow(id)) placeCaret(id);
    };
    tgtRoot?.addEventListener('click', onTargetClick);

    const first = initialRow !== undefined && session.isRow(initialRow) ? initialRow : session.next(undefined)?.id;
    if (first !== undefined) requestAnimationFrame(() => goTo(first));
    return () => {
      unregister();
      srcRoot.removeEventListener('click', onSourceClick);
      tgtRoot?.removeEventListener('click', onTargetClick);
      align.dispose();
      aligner.current = undefined;
      m.dispose();
      marks.current = undefined;
    };
    // Once per desk: the editors are made once for it.
  // eslint-disable-next-line react-hooks/exhaustive-deps -- once per desk
  }, [session]);

  // The notes' words are the interface's: made again in its new language.
  const noteLanguage = useRef(i18n.language);
  useEffect(() => {
    if (noteLanguage.current === i18n.language) return;
    noteLanguage.current = i18n.language;
    aligner.current?.refresh(outdatedRows());
  // eslint-disable-next-line react-hooks/exhaustive-deps -- only the interface language changes the notes' words
  }, [i18n.language]);

  // The glossary's terms highlighted in the source (in idle time: it reads every block).
  const glossary = session.glossary();
  useEffect(() => {
    const src = source.current?.editor;
    if (!src) return;
    const terms = glossaryTerms({ ...dossier.document, translation: { source: pair.source, glossary: [...glossary] } });
    const run = () => aligner.current?.setTerms(termRanges(src, pair.source, terms));
    const handle = requestIdleCallback(run, { timeout: 500 });
    return () => cancelIdleCallback(handle);
  // eslint-disable-next-line react-hooks/exhaustive-deps -- of the document, only the glossary changes the terms
  }, [glossary, pair.source]);
  useEffect(() => () => clearTermHighlights(), []);

  // Keys of the desk, ahead of the editors' own.
  const onKeyDown = (e: React.KeyboardEvent) => {
    const ctrl = e.ctrlKey || e.metaKey;
    let handled = true;
    if (e.key === 'F8' && !ctrl && !e.altKey) next(e.shiftKey);
    else if (e.key === 'Enter' && ctrl && !e.shiftKey && !e.altKey) confirmCurrent();
    else if (e.altKey && !ctrl && !e.shiftKey && /^Digit[1-5]$/.test(e.code)) assist.current?.insert(Number(e.code.slice(5)) - 1);
    else handled = false;
    if (handled) {
      e.preventDefault();
      e.stopPropagation();
    }
  };

  // The bilingual review DOCX of what is saved (the translation is flushed first), downloaded.
  const [exporting, setExporting] = useState(false);
  const [exportError, setExportError] = useState<string | undefined>(undefined);
  const exportBilingual = async () => {
    setExporting(true);
    setExportError(undefined);
    try {
      await target.current?.flush();
      const r = await api.invoke('export.bilingual', { id: dossier.id, paper: 'letter' });
      if (!r.ok) return setExportError(r.error.message);
      const url = URL.createObjectURL(new Blob([new Uint8Array(r.value.bytes)], { type: r.value.mime }));
      const a = document.createElement('a');
      a.href = url;
      a.download = r.value.fileName;
      a.click();
      setTimeout(() => URL.revokeObjectURL(url), 10_000);
    } finally {
      setExporting(false);
    }
  };

  const progress = session.progress();
  const status = current !== undefined ? session.status(current) : undefined;
  const currentRow = current !== undefined ? session.row(current) : undefined;
  const sourceText = current !== undefined ? rowText(session.savedText(current, 'source')) : '';
  // eslint-disable-next-line react-hooks/exhaustive-deps -- of the document, only the glossary changes the terms
  const terms = useMemo(() => [...glossaryTerms({ ...dossier.document, translation: { source: pair.source, glossary: [...glossary] } }), ...productTerms()], [glossary]);
  const langName = (l: 'fr' | 'en') => t(`documentLanguages.${l}`);

  return (
    <div
      className="rk-desk"
      data-testid="desk"
      data-source={pair.source}
      data-target={pair.target}
      onKeyDownCapture={onKeyDown}
      style={{ '--rk-tr-placeholder': JSON.stringify(t('desk.placeholder')) } as React.CSSProperties}
    >
      <div className="rk-desk-bar" role="toolbar" aria-label={t('desk.view.desk')}>
        <span className="rk-desk-progress" data-testid="desk-progress" data-translated={progress.translated} data-rows={progress.rows} data-outdated={progress.outdated}>
          <progress max={progress.rows} value={progress.translated} aria-hidden="true" />
          {t('desk.progress', { translated: progress.translated, rows: progress.rows, percent: progress.percent })}
          {progress.outdated > 0 && <span className="rk-desk-count outdated">{t('desk.outdated', { count: progress.outdated })}</span>}
          {progress.untranslated > 0 && <span className="rk-desk-count untranslated">{t('desk.untranslated', { count: progress.untranslated })}</span>}
        </span>
        <button type="button" data-testid="desk-next" title={t('desk.nextHint')} onClick={() => next()} disabled={progress.translated === progress.rows}>
          {t('desk.next')} <kbd>F8</kbd>
        </button>
        <button type="button" data-testid="desk-confirm" title={t('desk.confirmHint')} onClick={confirmCurrent} disabled={readOnly || status === undefined || status === 'translated'}>
          {t('desk.confirm')} <kbd>{t('desk.confirmKey')}</kbd>
        </button>
        <button type="button" data-testid="desk-export-bilingual" title={t('desk.exportBilingualHint')} onClick={() => void exportBilingual()} disabled={exporting}>
          {t('desk.exportBilingual')}
        </button>
        <button type="button" data-testid="desk-glossary" aria-expanded={glossaryOpen} onClick={() => setGlossaryOpen((o) => !o)}>
          {t('desk.glossary.button', { count: glossary.length })}
        </button>
        {exportError && (
          <span className="rk-desk-error" role="alert" data-testid="desk-export-error">
            {t('desk.exportBilingualFailed', { message: exportError })}
          </span>
        )}
      </div>
      <div className="rk-desk-editor-bar" ref={setBarSlot} />
      {glossaryOpen && (
        <GlossaryEditor
          pair={pair}
          entries={glossary}
          readOnly={readOnly}
          onChange={(entries) => {
            session.setGlossary(entries);
            target.current?.changed();
          }}
          onClose={() => setGlossaryOpen(false)}
        />
      )}
      {/* The source's editor, out of the layout: what is seen of it are copies of its rows (align.ts). */}
      <div className="rk-desk-source-model" hidden>
        <DossierEditor key={`${dossier.id}:source:${pair.source}`} ref={source} dossier={dossier} lang={pair.source} mode="read" chrome="pane" />
      </div>
      <div className="rk-desk-scroller" data-testid="desk-scroller" ref={scroller}>
        <div className="rk-desk-heads" aria-hidden="true">
          <div>{t('desk.side.source', { lang: langName(pair.source) })}</div>
          <div>{t('desk.side.target', { lang: langName(pair.target) })}</div>
        </div>
        <div className="rk-desk-grid">
          <section className="rk-desk-side rk-desk-source" data-testid="desk-source" aria-label={t('desk.side.source', { lang: langName(pair.source) })}>
            <div className="page rk-page rk-desk-vpage" ref={sourceView} lang={pair.source} data-kind={dossier.document.meta.kind} data-lang={pair.source}>
              <div className="rk-editor" lang={pair.source} />
            </div>
          </section>
          <section className="rk-desk-side rk-desk-target" data-testid="desk-target" aria-label={t('desk.side.target', { lang: langName(pair.target) })}>
            <DossierEditor
              key={`${dossier.id}:target:${pair.target}`}
              ref={setTargetRef}
              dossier={dossier}
              lang={pair.target}
              mode={readOnly ? 'read' : 'text'}
              chrome="pane"
              barSlot={barSlot}
              beforeSave={(doc, saved) => session.beforeSave(doc, saved)}
              onSaved={(doc, version) => {
                const before = new Map(session.allStatuses());
                session.stored(doc);
                marks.current?.setStatuses(session.allStatuses());
                aligner.current?.refresh([...session.allStatuses()].filter(([id, s]) => before.get(id) !== s).map(([id]) => id));
                onSaved(doc, version);
              }}
              onReload={onReload}
            />
          </section>
        </div>
      </div>
      <DeskAssist
        ref={assist}
        dossierId={dossier.id}
        pair={pair}
        row={currentRow}
        label={current !== undefined ? rowName(numbering.blocks.get(current)) : ''}
        status={status}
        sourceText={sourceText}
        terms={terms}
        readOnly={readOnly}
        onInsertMatch={replaceCurrent}
        onInsertTerm={insertAtCaret}
        onShowRow={() => current !== undefined && goTo(current)}
      />
    </div>
  );
}
