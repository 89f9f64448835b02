/**
 * The live state of one shared editor's connection, for whatever shows it (the Team panel, the
 * presence list, the outline): connecting, connected, offline (edits kept in the library), or
 * refused (the server said why); and who else is in the document, with their colours and where
 * their caret is. One session per mounted editor, made by DossierEditor and given through context.
 */
import { createContext, useContext, useSyncExternalStore } from 'react';

export type TeamConnection = 'loading' | 'connecting' | 'connected' | 'offline' | 'refused';

export type Peer = {
  clientId: number;
  name: string;
  color: string;
  /** The block id the person's caret is in, when known (the outline marks it). */
  block?: string | undefined;
};

export type TeamState = {
  connection: TeamConnection;
  /** The one-sentence reason of a refusal or failure. */
  message?: string | undefined;
  /** The others in the document now (not this window). */
  peers: Peer[];
  /** This window's colour among the people present (its caret's for the others), once connected. */
  myColor?: string | undefined;
  /** Local edits the server has not yet confirmed. */
  unsynced: number;
  /** The shared text has reached the editor (from the library's copy or the server). */
  loaded: boolean;
  /** A language version added after sharing is being shared with the server now. */
  sharingVersion?: boolean | undefined;
  /** This language version is not on the server and could not be shared from here (the message says why). */
  versionLocal?: boolean | undefined;
};

export class TeamSession {
  private state: TeamState = { connection: 'loading', peers: [], unsynced: 0, loaded: false };
  private readonly listeners = new Set<() => void>();

  get = (): TeamState => this.state;

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  set(patch: Partial<TeamState>): void {
    const next = { ...this.state, ...patch };
    if ((Object.keys(patch) as (keyof TeamState)[]).every((k) => next[k] === this.state[k])) return;
    this.state = next;
    for (const l of this.listeners) l();
  }
}

export const TeamSessionContext = createContext<TeamSession | undefined>(undefined);

const NONE: TeamState | undefined = undefined;
const noSubscribe = () => () => undefined;

/** The open editor's team state; undefined for a dossier that is not shared. */
export function useTeamState(): TeamState | undefined {
  const session = useContext(TeamSessionContext);
  return useSyncExternalStore(session ? session.subscribe : noSubscribe, session ? session.get : () => NONE);
}
