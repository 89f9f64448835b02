/**
 * Client of the loopback HTTP host (src/services/host/http.ts, started by scripts/serve-app.ts):
 * the same contract as `window.rapporteur`, over `POST /api/<channel>` on the page's own origin.
 * The host writes a per-run secret into the page (`<meta name="rapporteur-host-token">`); every
 * call sends it back in a header, so no other page can drive the host. Errors stay data: a
 * network failure or a refused call comes back as `{ ok: false }`, never as an exception.
 */
import { isChannel, type ChannelName, type RapporteurApi, type Result } from '../../shared/ipc-contract';
import { HOST_EVENTS, parseHostEvent, type HostEventName } from '../../shared/host-events';
import { fromWire, HOST_API_PREFIX, HOST_EVENTS_PATH, HOST_TOKEN_HEADER, HOST_TOKEN_META, toWire } from '../../shared/wire';

/** The token the HTTP host put in the page, if it served it. */
export function hostToken(doc: Document = document): string | undefined {
  const content = doc.querySelector<HTMLMetaElement>(`meta[name="${HOST_TOKEN_META}"]`)?.content;
  return content !== undefined && content !== '' ? content : undefined;
}

function isResult(value: unknown): value is Result<unknown> {
  if (value === null || typeof value !== 'object') return false;
  const v = value as { ok?: unknown; error?: { code?: unknown; message?: unknown } };
  return v.ok === true ? 'value' in v : v.ok === false && typeof v.error?.code === 'string' && typeof v.error.message === 'string';
}

export function createHttpHost(token: string, base: string = location.origin): RapporteurApi {
  // One stream for every listener, opened with the first one.
  const listeners = new Map<HostEventName, Set<(payload: unknown) => void>>();
  let stream: EventSource | undefined;
  const openStream = () => {
    stream = new EventSource(`${base}${HOST_EVENTS_PATH}?token=${encodeURIComponent(token)}`);
    for (const name of HOST_EVENTS) {
      stream.addEventListener(name, (e) => {
        let data: unknown;
        try {
          data = JSON.parse((e as MessageEvent<string>).data);
        } catch {
          return;
        }
        const event = parseHostEvent(name, data);
        if (!event) return console.warn(`[host] dropped a malformed "${name}" event`);
        for (const l of [...(listeners.get(name) ?? [])]) l(event.payload);
      });
    }
  };
  return {
    onEvent(name: HostEventName, listener: (payload: unknown) => void) {
      if (!stream) openStream();
      let set = listeners.get(name);
      if (!set) listeners.set(name, (set = new Set()));
      set.add(listener);
      return () => {
        set.delete(listener);
      };
    },
    async invoke(channel: ChannelName, input?: unknown) {
      if (!isChannel(channel)) throw new Error(`Rapporteur: IPC channel "${String(channel)}" is not in the contract.`);
      let response: Response;
      try {
        response = await fetch(`${base}${HOST_API_PREFIX}${channel}`, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json', [HOST_TOKEN_HEADER]: token },
          body: JSON.stringify(input === undefined ? {} : { input: toWire(input) }),
          credentials: 'omit',
          cache: 'no-store',
        });
      } catch (e) {
        return { ok: false, error: { code: 'unavailable', message: `The Rapporteur host cannot be reached (${String(e)}).` } };
      }
      let body: unknown;
      try {
        body = fromWire(await response.json());
      } catch {
        body = undefined;
      }
      if (isResult(body)) return body;
      return { ok: false, error: { code: response.status === 403 ? 'forbidden' : 'internal', message: `The Rapporteur host answered ${response.status} ${response.statusText}.` } };
    },
  } as RapporteurApi;
}
