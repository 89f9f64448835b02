// Types for scripts/serve-renderer.mjs (imported by the Playwright global setup).
export declare const DEFAULT_ROOT: string;
export declare function startServer(options?: { root?: string; port?: number }): Promise<{ url: string; port: number; close: () => Promise<void> }>;
