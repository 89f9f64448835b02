/**
 * Preload (sandboxed, context-isolated): exposes one object, `window.rapporteur`, built from the
 * IPC contract. Only the contract's channels can be invoked; any other name throws. Inputs are
 * passed through untouched and validated in the main process.
 */
import { contextBridge, ipcRenderer } from 'electron';
import { API_GLOBAL, CHANNELS, ipcChannelName, type ChannelName, type RapporteurApi } from '../shared/ipc-contract';

const allowed: ReadonlySet<string> = new Set(CHANNELS);

const api: RapporteurApi = {
  invoke(channel: ChannelName, input?: unknown) {
    if (typeof channel !== 'string' || !allowed.has(channel)) {
      throw new Error(`Rapporteur: IPC channel "${String(channel)}" is not in the contract.`);
    }
    return ipcRenderer.invoke(ipcChannelName(channel), input);
  },
} as RapporteurApi;

contextBridge.exposeInMainWorld(API_GLOBAL, Object.freeze(api));
