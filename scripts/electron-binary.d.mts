// Types for scripts/electron-binary.mjs.
export declare function findElectronBinary(): { ok: true; path: string } | { ok: false; reason: string };
