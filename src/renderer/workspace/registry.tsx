/**
 * THE list of what the open dossier's window shows besides the text — one place to add to.
 *
 * - PANELS: the side panels beside the editor, as tabs, in this order. Each is rendered inside the
 *   editor's LexicalComposer, so it may read and change the editor (`useEditor()`,
 *   `useMeta()`, `useDerivedView()` in ./editorState.ts) as well as the workspace context.
 * - VIEWS: main areas shown instead of the editor (the editor is saved and unmounted first, and
 *   comes back with "Back to the draft" → `ctx.actions.showView('editor')`). A view with a
 *   `label` gets a button in the dossier's toolbar; others are opened by an action (the
 *   comparison by the history panel, the translator's desk by the editor / desk switch).
 *
 * To add a panel or a view: write its component, add an entry here with an id, a title key in
 * locales/{en,fr}/workspace.json (`panels.<id>` by convention) and `render(ctx)`; `when(ctx)`
 * hides it where it does not apply. Nothing else needs to change.
 */
import type { ReactNode } from 'react';
import type { WorkspaceKey } from '../i18n';
import type { WorkspaceContext } from './context';
import { ChecksPanel } from './checks/ChecksPanel';
import { CompareView } from './history/CompareView';
import { HistoryPanel } from './history/HistoryPanel';
import { ImportNotesPanel } from './importing/ImportNotesPanel';
import { NotesPanel } from './notes/NotesPanel';
import { MetadataForm } from './metadata/MetadataForm';
import { OutlinePanel } from './outline/OutlinePanel';
import { TranslationDesk } from '../desk/TranslationDesk';
import { TeamPanel } from '../team/TeamPanel';

export type PanelSpec = {
  id: string;
  title: WorkspaceKey;
  when?: (ctx: WorkspaceContext) => boolean;
  render: (ctx: WorkspaceContext) => ReactNode;
};

export type ViewSpec = {
  id: string;
  /** When set, the dossier's toolbar has a button that opens the view. */
  label?: WorkspaceKey;
  when?: (ctx: WorkspaceContext) => boolean;
  render: (ctx: WorkspaceContext) => ReactNode;
};

export const PANELS: readonly PanelSpec[] = [
  { id: 'import', title: 'panels.import', when: (c) => c.importNotes !== undefined, render: (c) => <ImportNotesPanel notes={c.importNotes!} onDismiss={c.actions.dismissImportNotes} /> },
  { id: 'metadata', title: 'panels.metadata', render: (c) => <MetadataForm language={c.language} disabled={c.mode !== 'edit'} /> },
  { id: 'outline', title: 'panels.outline', render: (c) => <OutlinePanel editable={c.mode === 'edit'} /> },
  { id: 'checks', title: 'panels.checks', render: (c) => <ChecksPanel live={c.live} language={c.language} /> },
  { id: 'history', title: 'panels.history', render: (c) => <HistoryPanel ctx={c} /> },
  { id: 'notes', title: 'panels.notes', render: (c) => <NotesPanel lang={c.lang} editable={c.mode === 'edit'} language={c.language} /> },
  { id: 'team', title: 'panels.team', render: (c) => <TeamPanel ctx={c} /> },
];

export const VIEWS: readonly ViewSpec[] = [
  { id: 'compare', when: (c) => c.comparison !== undefined, render: (c) => <CompareView ctx={c} comparison={c.comparison!} /> },
  // Opened from the dossier's own editor / desk switch (the address keeps it, and its row).
  {
    id: 'desk',
    when: (c) => c.desk !== undefined,
    render: (c) => (
      <main className="workspace">
        <TranslationDesk
          key={`${c.dossier.id}:desk`}
          deskRef={c.desk!.editorRef}
          dossier={c.dossier}
          pair={c.desk!.pair}
          initialRow={c.desk!.row}
          readOnly={c.desk!.readOnly}
          onRow={c.desk!.onRow}
          onSaved={c.desk!.onSaved}
          onReload={c.desk!.onReload}
        />
      </main>
    ),
  },
];
