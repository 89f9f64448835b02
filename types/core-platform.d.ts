// What src/core and src/shared may use of their host beyond the language: functions every host
// we run in (Node 22, Chromium, Electron) provides. Declared here, and only for
// tsconfig.core.json, so that a DOM or Node API reached by mistake fails to compile.
declare function structuredClone<T>(value: T): T;
// eslint-disable-next-line no-var -- a var, so that it is also globalThis.crypto (as in both hosts)
declare var crypto: { getRandomValues<T extends ArrayBufferView>(array: T): T };
declare class TextEncoder {
  encode(input?: string): Uint8Array;
}
declare function btoa(data: string): string;
declare function atob(data: string): string;
