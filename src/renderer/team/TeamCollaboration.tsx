/**
 * The binding of a shared dossier's editor (issue 15): Lexical's CollaborationPlugin on the
 * shared Yjs document of this language version, never bootstrapping it (the server wrote its
 * first state), through ./provider.ts (the team server, with the token asked of the host just for
 * this) and ./offline.ts (the library's copy, applied before connecting). History is Yjs's
 * (the plugin's own undo manager). Each person's caret block goes into their awareness state,
 * so the others' outline can show where they are. A language version added after the dossier
 * was shared is not on the server yet: refused in those words, an editor's window shares it
 * (`team.shareVersion`: the server writes its first state from the library's model, as for the
 * first share) and binds again, on a new provider.
 */
import { useCallback, useEffect, useRef, useState, type RefObject } from 'react';
import { CollaborationPlugin } from '@lexical/react/LexicalCollaborationPlugin';
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { $getSelection, $isRangeSelection, $getState, type LexicalNode } from 'lexical';
import * as Y from 'yjs';
import type { Lang } from '../../core/model/schema';
import { VERSION_NOT_SHARED, type TeamSocket } from '../../shared/team';
import { api } from '../api';
import { idState } from '../editor/nodes/state';
import { BLOCK_NODES } from '../editor/nodes';
import { OfflineCopy } from './offline';
import { TeamProvider } from './provider';
import type { TeamSession } from './session';
import { personColor } from './colors';

/** The awareness field holding the id of the block the caret is in. */
const BLOCK_FIELD = 'rkBlock';

function $blockIdOf(node: LexicalNode | null): string | undefined {
  for (let n = node; n !== null; n = n.getParent()) {
    if (BLOCK_NODES.some((k) => n instanceof k)) return $getState(n, idState) ?? undefined;
  }
  return undefined;
}

export function TeamCollaboration({ dossierId, lang, session, cursorsRef }: { dossierId: string; lang: Lang; session: TeamSession; cursorsRef: RefObject<HTMLElement | null> }) {
  const [editor] = useLexicalComposerContext();
  const [info, setInfo] = useState<TeamSocket>();
  const made = useRef<{ provider: TeamProvider; offline: OfflineCopy } | undefined>(undefined);
  // Bumped to bind again (a new provider, a new Yjs document) once a new version is shared.
  const [attempt, setAttempt] = useState(0);
  const shareTried = useRef(false);

  useEffect(() => {
    let live = true;
    void api.invoke('team.socket', { id: dossierId, lang }).then((r) => {
      if (!live) return;
      if (r.ok) setInfo(r.value);
      else session.set({ connection: 'refused', message: r.error.message });
    });
    return () => {
      live = false;
    };
  }, [dossierId, lang, session]);

  // The server does not hold this language version: an editor shares it (once per editor), then binds again.
  useEffect(
    () =>
      session.subscribe(() => {
        const s = session.get();
        if (s.connection !== 'refused' || s.message !== VERSION_NOT_SHARED || info?.role !== 'editor' || shareTried.current) return;
        shareTried.current = true;
        session.set({ sharingVersion: true });
        void api.invoke('team.shareVersion', { id: dossierId, lang }).then((r) => {
          session.set({ sharingVersion: false });
          if (!r.ok) return session.set({ message: r.error.message, versionLocal: true });
          session.set({ connection: 'connecting', message: undefined });
          setAttempt((n) => n + 1);
        });
      }),
    [session, info, dossierId, lang],
  );

  const providerFactory = useCallback(
    (id: string, docs: Map<string, Y.Doc>) => {
      // Binding again: the refused provider goes (its document never held anything).
      const old = made.current;
      if (old) void old.offline.dispose().finally(() => old.provider.destroy());
      const doc = new Y.Doc();
      docs.set(id, doc);
      const offline = new OfflineCopy(doc, dossierId, lang, (message) => session.set({ message }));
      const provider = new TeamProvider(info!, doc, session, offline, (s) => (typeof s[BLOCK_FIELD] === 'string' ? s[BLOCK_FIELD] : undefined));
      made.current = { provider, offline };
      return provider;
    },
    [info, dossierId, lang, session],
  );

  // The library keeps what is queued, then the connection goes.
  useEffect(
    () => () => {
      const m = made.current;
      if (m) void m.offline.dispose().finally(() => m.provider.destroy());
    },
    [],
  );

  // Where this person's caret is, for the others' outline; and the others' places after an edit.
  useEffect(
    () =>
      editor.registerUpdateListener(({ editorState }) => {
        const m = made.current;
        if (!m) return;
        const block = editorState.read(() => {
          const s = $getSelection();
          return $isRangeSelection(s) ? $blockIdOf(s.anchor.getNode()) : undefined;
        });
        const awareness = m.provider.awareness;
        if ((awareness.getLocalState() as Record<string, unknown> | null)?.[BLOCK_FIELD] !== block) awareness.setLocalStateField(BLOCK_FIELD, block);
      }),
    [editor],
  );

  if (!info) return null;
  return (
    <CollaborationPlugin
      key={attempt}
      id={info.document}
      providerFactory={providerFactory}
      shouldBootstrap={false}
      username={info.personName}
      cursorColor={personColor(info.personName)}
      cursorsContainerRef={cursorsRef}
    />
  );
}
