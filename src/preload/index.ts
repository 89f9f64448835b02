/**
 * Preload (sandboxed, context-isolated): exposes one object, `window.rapporteur`, built from the
 * IPC contract. Only the contract's channels can be invoked; any other name throws. Inputs are
 * passed through untouched and validated in the main process.
 */
import { contextBridge, ipcRenderer } from 'electron';
import { API_GLOBAL, CHANNELS, ipcChannelName, type ChannelName, type RapporteurApi } from '../shared/ipc-contract';
import { HOST_EVENT_IPC, parseHostEvent, type HostEventName } from '../shared/host-events';

const allowed: ReadonlySet<string> = new Set(CHANNELS);

const api: RapporteurApi = {
  invoke(channel: ChannelName, input?: unknown) {
    if (typeof channel !== 'string' || !allowed.has(channel)) {
      throw new Error(`Rapporteur: IPC channel "${String(channel)}" is not in the contract.`);
    }
    return ipcRenderer.invoke(ipcChannelName(channel), input);
  },
  // Events from the main process, validated here; the page never sees ipcRenderer or the raw event.
  onEvent(name: HostEventName, listener: (payload: unknown) => void) {
    const onMessage = (_e: unknown, got: unknown, payload: unknown) => {
      if (got !== name) return;
      const event = parseHostEvent(got, payload);
      if (event) listener(event.payload);
    };
    ipcRenderer.on(HOST_EVENT_IPC, onMessage);
    return () => {
      ipcRenderer.removeListener(HOST_EVENT_IPC, onMessage);
    };
  },
} as RapporteurApi;

contextBridge.exposeInMainWorld(API_GLOBAL, Object.freeze(api));
