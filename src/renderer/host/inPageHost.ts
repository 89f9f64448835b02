/**
 * The in-page host: the same contract as the Electron main process, implemented directly with
 * src/core, for a plain browser (end-to-end tests, previews) where there is no preload.
 * Inputs go through the same dispatcher (zod validation, errors as data) and results are
 * structured-cloned, as IPC would, so the renderer cannot come to rely on shared objects.
 */
import { templateHandlers } from '../../shared/core-handlers';
import {
  createDispatcher,
  isChannel,
  ok,
  type ChannelName,
  type Handlers,
  type RapporteurApi,
  type Result,
  type Settings,
} from '../../shared/ipc-contract';

export function createInPageHost(initial: Settings): RapporteurApi {
  let settings: Settings = { ...initial };
  const handlers: Handlers = {
    'app.info': () => ok({ name: 'Rapporteur', version: typeof __APP_VERSION__ === 'string' ? __APP_VERSION__ : '0.0.0-dev', platform: 'web' }),
    ...templateHandlers,
    'settings.get': () => ok({ ...settings }),
    'settings.set': (patch) => {
      settings = { ...settings, ...(patch.interfaceLanguage !== undefined ? { interfaceLanguage: patch.interfaceLanguage } : {}) };
      return ok({ ...settings });
    },
  };
  const dispatch = createDispatcher(handlers, (channel, error) => console.error(`[host] ${channel} failed:`, error));

  return {
    invoke(channel: ChannelName, input?: unknown) {
      if (!isChannel(channel)) throw new Error(`Rapporteur: IPC channel "${String(channel)}" is not in the contract.`);
      return dispatch(channel, input).then((r: Result<unknown>) => structuredClone(r));
    },
  } as RapporteurApi;
}
