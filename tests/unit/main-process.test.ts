/**
 * The Electron main process without Electron (its binary cannot be installed on every build
 * machine): `electron` is replaced by a small fake, and the pieces of src/main are checked for
 * what matters: secure webPreferences, IPC only from the app's own page and only through the
 * contract, no new windows, no navigation, no permissions, no remote content, the CSP header,
 * and a menu in the interface language. tests/e2e/electron.spec.ts checks the real thing when
 * the binary is there.
 */
import { pathToFileURL } from 'node:url';
import { beforeEach, describe, expect, it, vi } from 'vitest';

const fake = vi.hoisted(() => {
  const ipc = new Map<string, (event: unknown, input: unknown) => unknown>();
  const windows: { opts: Record<string, unknown>; loaded?: { file?: string; url?: string } }[] = [];
  class BrowserWindow {
    opts: Record<string, unknown>;
    loaded?: { file?: string; url?: string };
    constructor(opts: Record<string, unknown>) {
      this.opts = opts;
      windows.push(this);
    }
    once() {}
    on() {}
    show() {}
    loadFile(file: string) {
      this.loaded = { file };
      return Promise.resolve();
    }
    loadURL(url: string) {
      this.loaded = { url };
      return Promise.resolve();
    }
  }
  return {
    ipc,
    windows,
    module: {
      app: { isPackaged: false, getName: () => 'Rapporteur', getVersion: () => '0.1.0' },
      BrowserWindow,
      ipcMain: {
        handle: (channel: string, fn: (event: unknown, input: unknown) => unknown) => void ipc.set(channel, fn),
        removeHandler: (channel: string) => void ipc.delete(channel),
      },
      Menu: { buildFromTemplate: (template: unknown[]) => ({ template }) },
      dialog: { showMessageBox: () => Promise.resolve({ response: 0 }) },
    },
  };
});

vi.mock('electron', () => fake.module);

const { createMainWindow, isAppFrame, RENDERER_INDEX } = await import('../../src/main/window');
const { registerIpcHandlers } = await import('../../src/main/ipc');
const { hardenSession, hardenWebContents } = await import('../../src/main/security');
const { buildMenu } = await import('../../src/main/menu');
const { menuText, languageFromLocales } = await import('../../src/main/i18n');
const { templateHandlers } = await import('../../src/shared/core-handlers');
const { CHANNELS, ok } = await import('../../src/shared/ipc-contract');
const { CONTENT_SECURITY_POLICY } = await import('../../src/shared/csp');
type Handlers = import('../../src/shared/ipc-contract').Handlers;

const appFrame = { url: pathToFileURL(RENDERER_INDEX).href };

beforeEach(() => {
  delete process.env['ELECTRON_RENDERER_URL'];
});

describe('the window', () => {
  it('is created sandboxed, context-isolated, without Node, and loads the app’s own files', () => {
    const win = createMainWindow({ title: 'Rapporteur', devTools: false }) as unknown as (typeof fake.windows)[number];
    const prefs = win.opts['webPreferences'] as Record<string, unknown>;
    expect(prefs).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      devTools: false,
    });
    expect(String(prefs['preload'])).toMatch(/[/\\]preload[/\\]index\.cjs$/);
    expect(win.loaded).toEqual({ file: RENDERER_INDEX });
  });

  it('trusts IPC only from its own page', () => {
    expect(isAppFrame(appFrame as never)).toBe(true);
    expect(isAppFrame(null)).toBe(false);
    expect(isAppFrame({ url: 'https://example.org/' } as never)).toBe(false);
    expect(isAppFrame({ url: 'file:///etc/passwd' } as never)).toBe(false);
    expect(isAppFrame({ url: 'not a url' } as never)).toBe(false);
  });
});

describe('IPC handlers', () => {
  const handlers: Handlers = {
    'app.info': () => ok({ name: 'Rapporteur', version: '0.1.0', platform: 'test' }),
    ...templateHandlers,
    'settings.get': () => ok({ interfaceLanguage: 'fr' }),
    'settings.set': () => ok({ interfaceLanguage: 'en' }),
  };

  it('registers exactly the contract’s channels, validates inputs and refuses foreign senders', async () => {
    const unregister = registerIpcHandlers(handlers, isAppFrame);
    expect([...fake.ipc.keys()].sort()).toEqual(CHANNELS.map((c) => `rapporteur:${c}`).sort());
    const call = (channel: string, input: unknown, frame: unknown = appFrame) => fake.ipc.get(`rapporteur:${channel}`)!({ senderFrame: frame }, input);

    expect(await call('app.info', undefined)).toEqual({ ok: true, value: { name: 'Rapporteur', version: '0.1.0', platform: 'test' } });
    expect(await call('templates.create', { kind: 'letter', lang: 'xx' })).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
    expect(await call('templates.create', { kind: 'letter', lang: 'fr' })).toMatchObject({ ok: true, value: { schemaVersion: 1 } });
    expect(await call('app.info', undefined, { url: 'https://evil.example/' })).toMatchObject({ ok: false, error: { code: 'forbidden' } });

    unregister();
    expect(fake.ipc.size).toBe(0);
  });
});

describe('hardening', () => {
  function fakeContents() {
    const listeners = new Map<string, (event: { preventDefault: () => void; isMainFrame?: boolean }) => void>();
    let openHandler: (() => unknown) | undefined;
    return {
      listeners,
      open: () => openHandler?.(),
      contents: {
        setWindowOpenHandler: (h: () => unknown) => void (openHandler = h),
        on: (name: string, l: (event: { preventDefault: () => void }) => void) => void listeners.set(name, l),
      },
    };
  }

  it('denies new windows and prevents navigation, redirects and <webview>', () => {
    const c = fakeContents();
    hardenWebContents(c.contents as never);
    expect(c.open()).toEqual({ action: 'deny' });
    for (const name of ['will-navigate', 'will-frame-navigate', 'will-redirect', 'will-attach-webview']) {
      const preventDefault = vi.fn();
      expect(c.listeners.get(name), name).toBeDefined();
      c.listeners.get(name)!({ preventDefault, isMainFrame: true });
      expect(preventDefault, name).toHaveBeenCalled();
    }
  });

  it('refuses permissions and remote content, and sends the CSP header', () => {
    let permission: ((wc: unknown, p: string, cb: (ok: boolean) => void) => void) | undefined;
    let check: (() => boolean) | undefined;
    let beforeRequest: ((d: { url: string }, cb: (r: { cancel: boolean }) => void) => void) | undefined;
    let headers: ((d: { responseHeaders?: Record<string, string[]> }, cb: (r: { responseHeaders: Record<string, string[]> }) => void) => void) | undefined;
    hardenSession({
      setPermissionRequestHandler: (h: typeof permission) => void (permission = h),
      setPermissionCheckHandler: (h: typeof check) => void (check = h),
      webRequest: {
        onBeforeRequest: (h: typeof beforeRequest) => void (beforeRequest = h),
        onHeadersReceived: (h: typeof headers) => void (headers = h),
      },
    } as never);

    const granted = vi.fn();
    permission!(undefined, 'media', granted);
    expect(granted).toHaveBeenCalledWith(false);
    expect(check!()).toBe(false);

    const cancelled = (url: string) => {
      let result: boolean | undefined;
      beforeRequest!({ url }, (r) => (result = r.cancel));
      return result;
    };
    expect(cancelled(pathToFileURL(RENDERER_INDEX).href)).toBe(false);
    expect(cancelled('data:image/png;base64,AAAA')).toBe(false);
    expect(cancelled('https://example.org/tracker.js')).toBe(true);
    expect(cancelled('http://127.0.0.1:5173/')).toBe(true); // no dev server configured

    let out: Record<string, string[]> = {};
    headers!({ responseHeaders: { 'content-security-policy': ["default-src *"], 'X-Other': ['1'] } }, (r) => (out = r.responseHeaders));
    expect(out).toEqual({ 'Content-Security-Policy': [CONTENT_SECURITY_POLICY], 'X-Other': ['1'] });
  });
});

describe('the menu', () => {
  type Item = { label?: string; role?: string; submenu?: Item[] };
  const labels = (lang: 'fr' | 'en', isMac: boolean) =>
    (buildMenu(lang, { isMac, dev: false, window: () => undefined }) as unknown as { template: Item[] }).template.map((i) => i.label);

  it('has File / Edit / View / Help in the interface language', () => {
    expect(labels('en', false)).toEqual(['File', 'Edit', 'View', 'Help']);
    expect(labels('fr', false)).toEqual(['Fichier', 'Édition', 'Affichage', 'Aide']);
    expect(labels('fr', true)).toEqual(['Rapporteur', 'Fichier', 'Édition', 'Affichage', 'Fenêtre', 'Aide']);
  });

  it('uses roles for the standard commands', () => {
    const menu = buildMenu('fr', { isMac: false, dev: false, window: () => undefined }) as unknown as { template: Item[] };
    const edit = menu.template.find((i) => i.label === 'Édition')!;
    expect(edit.submenu!.map((i) => i.role).filter(Boolean)).toEqual(['undo', 'redo', 'cut', 'copy', 'paste', 'selectAll']);
    expect(edit.submenu!.find((i) => i.role === 'paste')!.label).toBe('Coller');
  });

  it('reads the same locales/ JSON, with interpolation, and picks the system language', () => {
    expect(menuText('fr', 'aboutDetail', { version: '1.2.3' })).toMatch(/^Version 1\.2\.3\n/);
    expect(languageFromLocales(['fr-CA', 'en-US'])).toBe('fr');
    expect(languageFromLocales(['de-DE', 'en-GB'])).toBe('en');
    expect(languageFromLocales(['de-DE'])).toBe('en');
  });
});
