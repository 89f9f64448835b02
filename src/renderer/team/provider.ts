/**
 * The provider Lexical's CollaborationPlugin binds the editor through: Hocuspocus's provider on
 * the team server's `/collab`, with the person's token, behind a small adapter that (1) applies
 * the library's offline copy (./offline.ts) before connecting, (2) speaks the events the plugin
 * listens to ('status', 'sync'), and (3) reports connection, refusal, unsynced edits and who is
 * there to the editor's TeamSession (./session.ts).
 */
import { HocuspocusProvider, HocuspocusProviderWebsocket, WebSocketStatus } from '@hocuspocus/provider';
import type { Provider } from '@lexical/yjs';
import type * as Y from 'yjs';
import type { TeamSocket } from '../../shared/team';
import type { OfflineCopy } from './offline';
import type { Peer, TeamSession } from './session';
import { colorAmong, type Present } from './colors';

type Listener = (arg: never) => void;

/** Reconnect soon after the network comes back (Hocuspocus's default waits up to 30 s). */
const RECONNECT = { delay: 500, minDelay: 500, maxDelay: 4000, factor: 1.5 } as const;

/** The awareness field holding when this window joined: who came first keeps a colour two would share. */
const SINCE_FIELD = 'rkSince';

export class TeamProvider implements Provider {
  readonly awareness: Provider['awareness'];
  private readonly socket: HocuspocusProviderWebsocket;
  private readonly hp: HocuspocusProvider;
  private readonly wrapped = new Map<Listener, (arg: never) => void>();
  private started = false;
  /** When this window joined the dossier (kept across reconnects: its colour stays for the session). */
  private readonly since = Date.now();
  /** The colour chosen among the others present, once chosen (the plugin resets the state on each connect). */
  private chosen: string | undefined;

  constructor(
    info: TeamSocket,
    doc: Y.Doc,
    private readonly session: TeamSession,
    private readonly offline: OfflineCopy,
    /** The block the caret of awareness client `id`'s state is in (the outline shows it). */
    private readonly blockOf: (state: Record<string, unknown>) => string | undefined,
  ) {
    this.socket = new HocuspocusProviderWebsocket({ url: info.url, autoConnect: false, ...RECONNECT });
    this.hp = new HocuspocusProvider({
      websocketProvider: this.socket,
      name: info.document,
      document: doc,
      token: info.token,
      onAuthenticationFailed: ({ reason }) => session.set({ connection: 'refused', message: reason }),
      onAuthenticated: () => session.set({ connection: 'connected', message: undefined }),
      onStatus: ({ status }) => {
        if (session.get().connection === 'refused') return;
        session.set({ connection: status === WebSocketStatus.Connected ? (this.hp.isAuthenticated ? 'connected' : 'connecting') : status === WebSocketStatus.Connecting ? 'connecting' : 'offline' });
      },
      onClose: ({ event }) => {
        // The server's reason (a revoked token, too many messages) is the sentence to show.
        if (event.reason) session.set({ message: event.reason });
        if (session.get().connection !== 'refused') session.set({ connection: 'offline' });
      },
      onUnsyncedChanges: ({ number }) => session.set({ unsynced: number }),
      onAwarenessChange: () => this.peersChanged(),
    });
    this.awareness = this.hp.awareness as unknown as Provider['awareness'];
  }

  private peersChanged(): void {
    const awareness = this.hp.awareness;
    if (!awareness) return;
    const peers: Peer[] = [];
    const present: Present[] = [];
    for (const [clientId, state] of awareness.getStates()) {
      if (clientId === awareness.clientID) continue;
      const s = state as { name?: unknown; color?: unknown; [SINCE_FIELD]?: unknown };
      if (typeof s.name !== 'string') continue;
      const color = typeof s.color === 'string' ? s.color : '#555';
      peers.push({ clientId, name: s.name, color, block: this.blockOf(state) });
      present.push({ color, since: typeof s[SINCE_FIELD] === 'number' ? s[SINCE_FIELD] : Number.MAX_SAFE_INTEGER, clientId });
    }
    this.chooseColor(present);
    peers.sort((a, b) => a.name.localeCompare(b.name) || a.clientId - b.clientId);
    const before = this.session.get().peers;
    if (JSON.stringify(before) !== JSON.stringify(peers)) this.session.set({ peers });
  }

  /** This window's colour: distinct from those present before it, then kept (./colors.ts). */
  private chooseColor(present: Present[]): void {
    const awareness = this.hp.awareness;
    const local = awareness?.getLocalState() as { name?: unknown; color?: unknown; [SINCE_FIELD]?: unknown } | null | undefined;
    if (!awareness || !local || typeof local.name !== 'string' || typeof local.color !== 'string') return;
    if (local[SINCE_FIELD] !== this.since) awareness.setLocalStateField(SINCE_FIELD, this.since);
    const color = colorAmong(local.name, { color: this.chosen ?? local.color, since: this.since, clientId: awareness.clientID }, present);
    this.chosen = color;
    if (local.color !== color) awareness.setLocalStateField('color', color);
    if (this.session.get().myColor !== color) this.session.set({ myColor: color });
  }

  /** Recomputes where each person is (after the editor's text moved under their carets). */
  refreshPeers(): void {
    this.peersChanged();
  }

  async connect(): Promise<void> {
    if (!this.started) {
      this.started = true;
      // The library's copy first: the text is there offline, and offline edits go out on sync.
      const had = await this.offline.load();
      if (had) this.session.set({ loaded: true });
      this.hp.attach();
      this.session.set({ connection: 'connecting' });
    }
    await this.socket.connect();
  }

  disconnect(): void {
    this.socket.disconnect();
  }

  destroy(): void {
    this.hp.destroy();
    this.socket.destroy();
  }

  on(type: 'sync' | 'status' | 'update' | 'reload', cb: Listener): void {
    if (type === 'sync') {
      const w = (({ state }: { state: boolean }) => {
        if (state) this.session.set({ loaded: true });
        (cb as (s: boolean) => void)(state);
      }) as (arg: never) => void;
      this.wrapped.set(cb, w);
      this.hp.on('synced', w);
    } else if (type === 'status') this.hp.on('status', cb);
    // 'update' and 'reload' are not Hocuspocus events: nothing to listen to.
  }

  off(type: 'sync' | 'status' | 'update' | 'reload', cb: Listener): void {
    if (type === 'sync') {
      const w = this.wrapped.get(cb);
      if (w) this.hp.off('synced', w);
      this.wrapped.delete(cb);
    } else if (type === 'status') this.hp.off('status', cb);
  }
}
