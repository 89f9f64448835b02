/// <reference types="vite/client" />
import type { RapporteurApi } from '../shared/ipc-contract';

declare global {
  interface Window {
    /** Exposed by the preload under Electron; absent in a plain browser. */
    readonly rapporteur?: RapporteurApi;
  }
  /** package.json version, injected at build time (electron.vite.config.ts). */
  const __APP_VERSION__: string;
}
