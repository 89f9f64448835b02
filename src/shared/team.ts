/**
 * Co-editing with the team (issue 15, the app's side): the values the `team.*` channels carry,
 * and the one check of a team server's address. Pure TypeScript + zod, so the contract, the
 * hosts and the renderer all use the same definitions.
 */
import { z } from 'zod';

/** The roles a team server gives on a dossier (src/server/access.ts). */
export const TEAM_ROLES = ['editor', 'commenter', 'reader'] as const;
export const teamRoleSchema = z.enum(TEAM_ROLES);
export type TeamRole = z.infer<typeof teamRoleSchema>;

const LOOPBACK_HOSTS = new Set(['127.0.0.1', 'localhost', '[::1]']);

/** scheme://[user@]host[:port][/…]: parsed by hand, since this layer has neither the DOM's nor Node's URL. */
const ADDRESS = /^([a-z][a-z0-9+.-]*):\/\/(?:([^/?#@]*)@)?(\[[0-9a-f:.]+\]|[a-z0-9.-]+)(?::(\d{1,5}))?(?:[/?#].*)?$/i;
const DEFAULT_PORTS: Record<string, string> = { http: '80', https: '443' };

/**
 * A team server's address as the user types it, normalised to its origin (`https://host[:port]`),
 * or the reason it is refused: https anywhere, http only on this machine (loopback), nothing else.
 */
export function teamServerOrigin(input: string): { ok: true; origin: string } | { ok: false; reason: string } {
  const m = ADDRESS.exec(input.trim());
  const port = m?.[4];
  if (!m || (port !== undefined && Number(port) > 65535)) return { ok: false, reason: 'The team server’s address is not a web address (e.g. https://team.example.org).' };
  const scheme = m[1]!.toLowerCase();
  const host = m[3]!.toLowerCase();
  if (m[2] !== undefined) return { ok: false, reason: 'The team server’s address may not contain a user name or password.' };
  const origin = `${scheme}://${host}${port !== undefined && port !== DEFAULT_PORTS[scheme] ? `:${Number(port)}` : ''}`;
  if (scheme === 'https') return { ok: true, origin };
  if (scheme === 'http' && LOOPBACK_HOSTS.has(host)) return { ok: true, origin };
  if (scheme === 'http') return { ok: false, reason: 'A team server on another machine must be reached over https (http only on this machine).' };
  return { ok: false, reason: 'The team server’s address must start with https://.' };
}

/** The server's address, validated and normalised to its origin. */
export const teamServerSchema = z
  .string()
  .max(2000)
  .transform((value, ctx) => {
    const r = teamServerOrigin(value);
    if (!r.ok) {
      ctx.addIssue({ code: 'custom', message: r.reason });
      return z.NEVER;
    }
    return r.origin;
  });

const INVITATION = /rpi_[A-Za-z0-9_-]{43}/;

/** The invitation code in what the user pasted: the code itself, or a link carrying it. */
export function invitationCode(pasted: string): string | undefined {
  return INVITATION.exec(pasted)?.[0];
}

/** What the interface may know of the connection: never the token, only its last characters. */
export type TeamStatus = {
  server: string;
  personName: string;
  /** "…" and the token's last 4 characters, to tell two tokens apart. */
  tokenHint: string;
};

/** A dossier shared with the team, as its local copy records it (carried in `Dossier.team`). */
export type TeamShare = { server: string; remoteId: string; role: TeamRole };

/** Whether this person may change a dossier's text: anyone when it is not shared, an editor of a shared one (a commenter or a reader reads it). */
export const mayWriteText = (share: TeamShare | undefined): boolean => share === undefined || share.role === 'editor';

/** What the editor needs to open the live connection of one language version. */
export type TeamSocket = {
  /** The WebSocket address (`wss://…/collab`, or `ws://` on loopback). */
  url: string;
  token: string;
  /** The shared Yjs document: `<remote id>:<fr|en>`. */
  document: string;
  /** The person's name, shown to the others beside their cursor. */
  personName: string;
  role: TeamRole;
};

/**
 * The team server's refusal of a connection to a language version it does not hold (one added
 * after the dossier was shared): the server says it in these words, and the editor, hearing
 * them, shares the version (`team.shareVersion`) and connects again.
 */
export const VERSION_NOT_SHARED = 'This document is not shared on this server.';

/** The largest Yjs update the library keeps in one piece (the server's own message limit). */
export const MAX_YDOC_UPDATE_BYTES = 16 * 1024 * 1024;
