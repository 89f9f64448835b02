/**
 * What the workspace gives its panels and views (see ./registry.tsx): the open dossier, the
 * language it is shown in, whether it can be changed, its history, the live checks, the import
 * notes, and the actions that go through the host (each saves what is on screen first).
 */
import type { Lang, RDocument } from '../../core/model/schema';
import type { CompareResult } from '../../core/compare/types';
import type { UnsureItem } from '../../core/import/source';
import type { Dossier, ImportFormat, InterfaceLanguage, RevisionInfo, RevisionSide } from '../../shared/ipc-contract';
import type { LiveState } from './checks/ChecksPanel';
import type { TranslationPair } from '../../core/translation/versions';
import type { DossierEditorHandle } from '../editor/components/DossierEditor';

export type ImportNotes = { name: string; format: ImportFormat; unsure: UnsureItem[]; dropped: number };

/** A comparison to show: two sides, and the result when it is already known (a returned version). */
export type Comparison = { from: RevisionSide; to: RevisionSide; result?: CompareResult; note?: string };

/** What the translator's desk (../desk) needs from the workspace: its pair, its row (kept in the address), the save path. */
export type DeskContext = {
  pair: TranslationPair;
  row: string | undefined;
  onRow: (id: string | undefined) => void;
  /** Nothing may be written (a finalised or trashed dossier, a team reader or commenter): the desk is for reading. */
  readOnly: boolean;
  /** The workspace flushes the translation through it (another view, close, quit). */
  editorRef: React.RefObject<DossierEditorHandle | null>;
  onSaved: (document: RDocument, version: number) => void;
  onReload: () => void;
};

export type WorkspaceContext = {
  dossier: Dossier;
  lang: Lang;
  language: InterfaceLanguage;
  /** 'edit' for a draft; 'text' for a translation (words only: structure is edited in its source); 'read' for a finalised version or a dossier in the trash. */
  mode: 'edit' | 'text' | 'read';
  /** Newest first; undefined while loading. */
  history: RevisionInfo[] | undefined;
  live: LiveState;
  importNotes: ImportNotes | undefined;
  /** The comparison the comparison view shows. */
  comparison: Comparison | undefined;
  /** The translator's desk, when the dossier holds two versions and the address asks for it. */
  desk: DeskContext | undefined;
  actions: {
    /** Saves what is on screen; resolves with the document as it now stands. */
    flush: () => Promise<RDocument>;
    snapshot: (label: string) => Promise<RevisionInfo | undefined>;
    /** Shows the comparison view. */
    compare: (c: Comparison) => void;
    restore: (seq: number) => Promise<boolean>;
    /** Shows a registered view (see VIEWS in ./registry.tsx); 'editor' goes back to the draft. */
    showView: (id: string) => void;
    dismissImportNotes: () => void;
    /** Says something to screen readers (and on the status line). */
    announce: (message: string) => void;
    /** Saves, then opens the dossier again as stored (after it was shared: the editor binds to the team). */
    reopen: () => Promise<void>;
  };
};
