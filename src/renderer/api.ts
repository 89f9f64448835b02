/**
 * The renderer's only door to the outside, chosen once at start:
 *   1. `window.rapporteur`, exposed by the preload under Electron;
 *   2. the loopback HTTP host, when it served this page (it wrote its token into the page);
 *   3. the in-page host (templates only, no library) in any other browser.
 */
import type { RapporteurApi } from '../shared/ipc-contract';
import { createHttpHost, hostToken } from './host/httpHost';
import { createInPageHost } from './host/inPageHost';
import { browserLanguage } from './i18n';

const token = window.rapporteur ? undefined : hostToken();

export const api: RapporteurApi = window.rapporteur ?? (token !== undefined ? createHttpHost(token) : createInPageHost({ interfaceLanguage: browserLanguage() }));
