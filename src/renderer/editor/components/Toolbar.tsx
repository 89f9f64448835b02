/**
 * The editor's toolbar: block type (with its shortcuts in the shortcuts panel), bold / italic /
 * superscript, undo / redo, the Insert menu (footnote, cross-reference, table, heading, page
 * break, annex, enclosure), the table's rows and columns when the caret is in one, find and
 * replace, and the shortcuts. It follows the caret from Lexical's updates (no document-wide work).
 * It fits on one line beside the save status in both interface languages: the table's commands
 * are one menu (as Insert is), find and the shortcuts short buttons with their full names as
 * accessible names and tooltips.
 */
import { useEffect, useState } from 'react';
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { $deleteTableColumnAtSelection, $deleteTableRowAtSelection, $insertTableColumnAtSelection, $insertTableRowAtSelection } from '@lexical/table';
import { $getSelection, $isRangeSelection, CAN_REDO_COMMAND, CAN_UNDO_COMMAND, COMMAND_PRIORITY_LOW, FORMAT_TEXT_COMMAND, mergeRegister, REDO_COMMAND, UNDO_COMMAND } from 'lexical';
import { useAppTranslation } from '../../i18n';
import { $selectedTextBlocks, $setBlockKind, BLOCK_CHOICES, choiceId, choiceOf } from '../plugins/blockCommands';
import { $inTable, $insertItem, INSERT_ITEMS, type InsertItem } from '../plugins/insertCommands';
import type { EditMode } from '../plugins/keyboard';
import './Toolbar.css';

type Caret = { kind: string; bold: boolean; italic: boolean; superscript: boolean; inTable: boolean };

const INSERTS = INSERT_ITEMS;

export function Toolbar({ mode, onFind, onXref, onShortcuts }: { mode: EditMode; onFind: () => void; onXref: () => void; onShortcuts: () => void }) {
  const [editor] = useLexicalComposerContext();
  const { t } = useAppTranslation();
  const [caret, setCaret] = useState<Caret>({ kind: 'other', bold: false, italic: false, superscript: false, inTable: false });
  const [canUndo, setCanUndo] = useState(false);
  const [canRedo, setCanRedo] = useState(false);
  const structure = mode === 'edit';
  const editable = mode !== 'read';

  useEffect(
    () =>
      mergeRegister(
        editor.registerUpdateListener(({ editorState }) =>
          editorState.read(() => {
            const selection = $getSelection();
            const block = $selectedTextBlocks()[0];
            const choice = block ? choiceOf(block) : null;
            const next: Caret = {
              kind: choice ? choiceId(choice) : 'other',
              bold: $isRangeSelection(selection) && selection.hasFormat('bold'),
              italic: $isRangeSelection(selection) && selection.hasFormat('italic'),
              superscript: $isRangeSelection(selection) && selection.hasFormat('superscript'),
              inTable: $inTable(),
            };
            setCaret((prev) => (JSON.stringify(prev) === JSON.stringify(next) ? prev : next));
          }, { editor }),
        ),
        editor.registerCommand(CAN_UNDO_COMMAND, (v) => (setCanUndo(v), false), COMMAND_PRIORITY_LOW),
        editor.registerCommand(CAN_REDO_COMMAND, (v) => (setCanRedo(v), false), COMMAND_PRIORITY_LOW),
      ),
    [editor],
  );

  const insert = (item: InsertItem) => {
    if (item === 'xref') return onXref();
    editor.update(() => $insertItem(item));
    editor.focus();
  };

  const mark = (format: 'bold' | 'italic' | 'superscript', pressed: boolean) => (
    <button
      type="button"
      className={`rk-mark rk-mark-${format}`}
      aria-pressed={pressed}
      disabled={!editable}
      title={t(`editor.format.${format}`)}
      aria-label={t(`editor.format.${format}`)}
      data-testid={`format-${format}`}
      onMouseDown={(e) => e.preventDefault()}
      onClick={() => editor.dispatchCommand(FORMAT_TEXT_COMMAND, format)}
    >
      {format === 'bold' ? 'B' : format === 'italic' ? 'I' : 'x²'}
    </button>
  );

  const tableCommands = {
    rowAbove: () => $insertTableRowAtSelection(false),
    rowBelow: () => $insertTableRowAtSelection(true),
    columnLeft: () => $insertTableColumnAtSelection(false),
    columnRight: () => $insertTableColumnAtSelection(true),
    deleteRow: () => $deleteTableRowAtSelection(),
    deleteColumn: () => $deleteTableColumnAtSelection(),
  } as const;
  type TableCommand = keyof typeof tableCommands;

  return (
    <div className="rk-toolbar" role="toolbar" aria-label={t('editor.label')} data-testid="editor-toolbar">
      {/* A translation (text mode) edits words only: no block kinds, nothing to insert. */}
      {structure && (
        <label className="field">
          <span className="visually-hidden">{t('editor.blockType')}</span>
          <select
            data-testid="block-type"
            value={caret.kind}
            disabled={!structure || caret.kind === 'other'}
            onChange={(e) => {
              const c = BLOCK_CHOICES.find((x) => x.id === e.target.value);
              if (c) editor.update(() => $selectedTextBlocks().forEach((b) => $setBlockKind(b, c.choice)));
              editor.focus();
            }}
          >
            {caret.kind === 'other' && <option value="other">{t('editor.kinds.other')}</option>}
            {BLOCK_CHOICES.map((c) => (
              <option key={c.id} value={c.id}>
                {t(`editor.kinds.${c.id}` as 'editor.kinds.paragraph')}
              </option>
            ))}
          </select>
        </label>
      )}
      <span className="rk-group">
        {mark('bold', caret.bold)}
        {mark('italic', caret.italic)}
        {mark('superscript', caret.superscript)}
      </span>
      <span className="rk-group">
        <button type="button" data-testid="undo" disabled={!canUndo || !editable} onClick={() => editor.dispatchCommand(UNDO_COMMAND, undefined)}>
          {t('editor.history.undo')}
        </button>
        <button type="button" data-testid="redo" disabled={!canRedo || !editable} onClick={() => editor.dispatchCommand(REDO_COMMAND, undefined)}>
          {t('editor.history.redo')}
        </button>
      </span>
      {structure && (
        <label className="field">
          <span className="visually-hidden">{t('editor.insert.menu')}</span>
          <select
            data-testid="insert"
            value=""
            disabled={!structure}
            onChange={(e) => {
              const item = e.target.value as InsertItem;
              e.target.value = '';
              if (INSERTS.includes(item)) insert(item);
            }}
          >
            <option value="">{t('editor.insert.menu')}</option>
            {INSERTS.map((i) => (
              <option key={i} value={i}>
                {t(`editor.insert.${i}`)}
              </option>
            ))}
          </select>
        </label>
      )}
      {caret.inTable && structure && (
        <label className="field rk-table-tools" data-testid="table-tools">
          <span className="visually-hidden">{t('editor.table.menu')}</span>
          <select
            data-testid="table-menu"
            value=""
            onChange={(e) => {
              const command = e.target.value as TableCommand;
              e.target.value = '';
              if (command in tableCommands) editor.update(tableCommands[command]);
              editor.focus();
            }}
          >
            <option value="">{t('editor.table.menu')}</option>
            {(Object.keys(tableCommands) as TableCommand[]).map((key) => (
              <option key={key} value={key}>
                {t(`editor.table.${key}`)}
              </option>
            ))}
          </select>
        </label>
      )}
      <span className="rk-group rk-toolbar-end">
        <button type="button" data-testid="find-open" onClick={onFind} title={t('editor.find.open')} aria-label={t('editor.find.open')}>
          {t('editor.find.short')}
        </button>
        <button type="button" data-testid="shortcuts-open" onClick={onShortcuts} title={t('editor.shortcuts.open')} aria-label={t('editor.shortcuts.open')}>
          ?
        </button>
      </span>
    </div>
  );
}
