/**
 * The library's side of co-editing (issue 15): which dossiers are shared with a team server
 * (`team_shares`), and the offline copy of each shared language version (`ydoc_updates`: the
 * Yjs updates the editor sends, in order). The copy is merged into one update once it holds
 * many, so it never grows with every keystroke of a long session.
 */
import * as Y from 'yjs';
import type { Lang } from '../../core/model/schema';
import type { TeamShare } from '../../shared/team';
import { teamRoleSchema } from '../../shared/team';
import type { Connection } from './connection';
import { row } from './rows';

/** Updates kept one by one before they are merged into one. */
export const MERGE_AFTER = 200;

/** How dossier `num` is shared, or undefined (most dossiers: never shared). */
export function teamShareOf(c: Connection, num: number): TeamShare | undefined {
  const r = c.q('SELECT server, remote_id, role FROM team_shares WHERE dossier_num = ?').get(num) as { server: string; remote_id: string; role: string } | undefined;
  if (!r) return undefined;
  const role = teamRoleSchema.safeParse(r.role);
  return { server: r.server, remoteId: r.remote_id, role: role.success ? role.data : 'reader' };
}

/** Records dossier `id` as shared (again: the newest share wins). */
export function recordTeamShare(c: Connection, id: string, share: TeamShare): void {
  c.tx(() => {
    const { num } = row(c, id);
    c.q('DELETE FROM team_shares WHERE server = ? AND remote_id = ? AND dossier_num <> ?').run(share.server, share.remoteId, num);
    c.q('INSERT OR REPLACE INTO team_shares (dossier_num, server, remote_id, role, shared_at) VALUES (?, ?, ?, ?, ?)').run(num, share.server, share.remoteId, share.role, c.now());
  });
}

/** The local dossier that holds the shared dossier `remoteId` of `server`, if any. */
export function dossierOfShare(c: Connection, server: string, remoteId: string): string | undefined {
  return c.guard(() => c.q('SELECT d.id FROM team_shares t JOIN dossiers d ON d.num = t.dossier_num WHERE t.server = ? AND t.remote_id = ?', true).get(server, remoteId) as string | undefined);
}

/** Appends one update to the offline copy of `id`'s `lang` version; merges the copy once it holds MERGE_AFTER pieces. */
export function appendYUpdate(c: Connection, id: string, lang: Lang, update: Uint8Array): void {
  c.tx(() => {
    const { num } = row(c, id);
    c.q('INSERT INTO ydoc_updates (dossier_num, lang, data) VALUES (?, ?, ?)').run(num, lang, Buffer.from(update));
    const n = c.q('SELECT count(*) FROM ydoc_updates WHERE dossier_num = ? AND lang = ?', true).get(num, lang) as number;
    if (n < MERGE_AFTER) return;
    const merged = Y.mergeUpdates(pieces(c, num, lang));
    c.q('DELETE FROM ydoc_updates WHERE dossier_num = ? AND lang = ?').run(num, lang);
    c.q('INSERT INTO ydoc_updates (dossier_num, lang, data) VALUES (?, ?, ?)').run(num, lang, Buffer.from(merged));
  });
}

/** The offline copy of `id`'s `lang` version as one update, or null when there is none. */
export function offlineCopy(c: Connection, id: string, lang: Lang): Uint8Array | null {
  return c.read(() => {
    const all = pieces(c, row(c, id).num, lang);
    return all.length === 0 ? null : all.length === 1 ? all[0]! : Y.mergeUpdates(all);
  });
}

function pieces(c: Connection, num: number, lang: Lang): Uint8Array[] {
  return (c.q('SELECT data FROM ydoc_updates WHERE dossier_num = ? AND lang = ? ORDER BY id', true).all(num, lang) as Buffer[]).map((b) => new Uint8Array(b));
}
