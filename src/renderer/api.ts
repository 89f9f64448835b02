/**
 * The renderer's only door to the outside: `window.rapporteur` under Electron (exposed by the
 * preload), or the in-page host implementing the same contract in a plain browser.
 */
import type { RapporteurApi } from '../shared/ipc-contract';
import { createInPageHost } from './host/inPageHost';
import { browserLanguage } from './i18n';

export const api: RapporteurApi = window.rapporteur ?? createInPageHost({ interfaceLanguage: browserLanguage() });

/** "electron" when running behind the preload, "browser" with the in-page host. */
export const hostKind: 'electron' | 'browser' = window.rapporteur ? 'electron' : 'browser';
