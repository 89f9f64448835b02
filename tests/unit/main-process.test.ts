/**
 * The Electron main process without Electron (its binary cannot be installed on every build
 * machine): `electron` is replaced by a small fake, and the pieces of src/main are checked for
 * what matters: secure webPreferences, IPC only from the app's own page and only through the
 * contract, no new windows, no navigation, no permissions, no remote content, the CSP header,
 * and a menu in the interface language. tests/e2e/electron.spec.ts checks the real thing when
 * the binary is there.
 */
import { APP_COMMANDS, type AppCommand } from '../../src/shared/host-events';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { beforeEach, describe, expect, it, vi } from 'vitest';

const fake = vi.hoisted(() => {
  const ipc = new Map<string, (event: unknown, input: unknown) => unknown>();
  const windows: { opts: Record<string, unknown>; loaded?: { file?: string; url?: string; html?: string }; destroyed: boolean; printed: unknown[] }[] = [];
  const dialogs: Record<string, unknown>[] = [];
  /** Button indexes the fake dialog answers with, in order. */
  const answers: number[] = [];
  const printAnswer: string[] = [];
  class BrowserWindow {
    opts: Record<string, unknown>;
    loaded?: { file?: string; url?: string; html?: string };
    destroyed = false;
    printed: unknown[] = [];
    webContents = {
      printToPDF: async (options: unknown) => {
        this.printed.push(options);
        return Buffer.from(`%PDF-1.7 fake of ${this.loaded?.html?.length ?? 0} characters`);
      },
      /** The system print dialog: answers as `printAnswer` says (printed, cancelled, failed). */
      print: (options: unknown, done: (printed: boolean, reason: string) => void) => {
        this.printed.push({ paper: options, html: this.loaded?.html });
        const a = printAnswer.shift() ?? 'printed';
        setTimeout(() => done(a === 'printed', a === 'printed' ? '' : a));
      },
    };
    constructor(opts: Record<string, unknown>) {
      this.opts = opts;
      windows.push(this);
    }
    once() {}
    on() {}
    show() {}
    destroy() {
      this.destroyed = true;
    }
    async loadFile(file: string) {
      this.loaded = { file };
      const { readFile } = await import('node:fs/promises');
      // The app's own index.html may not be built; a print view is always there.
      this.loaded.html = await readFile(file, 'utf8').catch(() => undefined);
    }
    loadURL(url: string) {
      this.loaded = { url };
      return Promise.resolve();
    }
  }
  return {
    ipc,
    windows,
    printAnswer,
    dialogs,
    answers,
    module: {
      app: { isPackaged: false, getName: () => 'Rapporteur', getVersion: () => '0.1.0' },
      BrowserWindow,
      ipcMain: {
        handle: (channel: string, fn: (event: unknown, input: unknown) => unknown) => void ipc.set(channel, fn),
        removeHandler: (channel: string) => void ipc.delete(channel),
      },
      Menu: { buildFromTemplate: (template: unknown[]) => ({ template }) },
      net: { fetch: (request: Request) => Promise.resolve(new Response(`passed on: ${request.url}`)) },
      dialog: {
        showMessageBox: (options: Record<string, unknown>) => {
          dialogs.push(options);
          return Promise.resolve({ response: answers.shift() ?? 0 });
        },
      },
    },
  };
});

vi.mock('electron', () => fake.module);

const { createMainWindow, isAppFrame, RENDERER_INDEX } = await import('../../src/main/window');
const { registerIpcHandlers } = await import('../../src/main/ipc');
const { hardenSession, hardenWebContents } = await import('../../src/main/security');
const { buildMenu } = await import('../../src/main/menu');
const { menuModel, contextMenuModel } = await import('../../src/main/menu-model');
const { menuText, languageFromLocales } = await import('../../src/main/i18n');
const { printHtml, printHtmlToPdf } = await import('../../src/main/pdf');
const { SECURE_WEB_PREFERENCES } = await import('../../src/main/web-preferences');
const { placeWindow } = await import('../../src/main/window-state');
const { openLibraryOrAsk } = await import('../../src/main/startup');
const { createHostHandlers } = await import('../../src/services/host/handlers');
const { openStore } = await import('../../src/services/store/index');
const { CHANNELS } = await import('../../src/shared/ipc-contract');
const { CONTENT_SECURITY_POLICY, contentSecurityPolicy, META_CONTENT_SECURITY_POLICY } = await import('../../src/shared/csp');
const { syncAppPage } = await import('../../src/main/app-page');

const appFrame = { url: pathToFileURL(RENDERER_INDEX).href };

beforeEach(() => {
  delete process.env['ELECTRON_RENDERER_URL'];
});

describe('the window', () => {
  it('is created sandboxed, context-isolated, without Node, and loads the app’s own files', () => {
    const win = createMainWindow({ title: 'Rapporteur', devTools: false, place: placeWindow(undefined, []) }) as unknown as (typeof fake.windows)[number];
    const prefs = win.opts['webPreferences'] as Record<string, unknown>;
    // Exactly the one secure definition, plus what this window adds.
    expect(prefs).toEqual({ ...SECURE_WEB_PREFERENCES, preload: expect.stringMatching(/index\.cjs$/), devTools: false, spellcheck: false });
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
    expect(win.loaded?.file).toBe(RENDERER_INDEX);
  });

  it('opens where it was left, when that place is on a screen', () => {
    const place = placeWindow({ x: 40, y: 30, width: 1000, height: 700, maximized: false }, [{ x: 0, y: 0, width: 1920, height: 1080 }]);
    const win = createMainWindow({ title: 'Rapporteur', devTools: false, place }) as unknown as (typeof fake.windows)[number];
    expect(win.opts).toMatchObject({ x: 40, y: 30, width: 1000, height: 700, minWidth: 860, minHeight: 560 });
  });

  it('every window the main process makes is one this file checks', () => {
    // Windows are made in one place, with the secure preferences; a new caller elsewhere must come
    // with a test that its extra preferences are the ones checked above.
    const dir = join(import.meta.dirname, '..', '..', 'src', 'main');
    const uses = (re: RegExp) => readdirSync(dir).filter((f) => f.endsWith('.ts') && re.test(readFileSync(join(dir, f), 'utf8'))).sort();
    expect(uses(/new BrowserWindow\(/)).toEqual(['web-preferences.ts']);
    expect(uses(/newSecureWindow\(/)).toEqual(['pdf.ts', 'web-preferences.ts', 'window.ts']);
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
  it('registers exactly the contract’s channels, answers them from the store, validates inputs and refuses foreign senders', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'rapporteur-main-'));
    const store = await openStore(dir);
    try {
      const handlers = createHostHandlers({ store, appInfo: { name: 'Rapporteur', version: '0.1.0', platform: 'test' }, defaultLanguage: 'fr' });
      const unregister = registerIpcHandlers(handlers, isAppFrame);
      expect([...fake.ipc.keys()].sort()).toEqual(CHANNELS.map((c) => `rapporteur:${c}`).sort());
      const call = (channel: string, input: unknown, frame: unknown = appFrame) => fake.ipc.get(`rapporteur:${channel}`)!({ senderFrame: frame }, input);

      expect(await call('app.info', undefined)).toEqual({ ok: true, value: { name: 'Rapporteur', version: '0.1.0', platform: 'test' } });
      expect(await call('templates.create', { kind: 'letter', lang: 'xx' })).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
      expect(await call('templates.create', { kind: 'letter', lang: 'fr' })).toMatchObject({ ok: true, value: { schemaVersion: 2 } });
      // The library behind IPC is the real store.
      const created = (await call('dossier.create', { kind: 'letter', lang: 'fr' })) as { ok: true; value: { id: string } };
      expect(created.ok).toBe(true);
      expect(store.list().map((d) => d.id)).toEqual([created.value.id]);
      expect(await call('settings.get', undefined)).toMatchObject({ ok: true, value: { interfaceLanguage: 'fr' } });
      // A foreign frame reaches nothing, not even the library.
      expect(await call('app.info', undefined, { url: 'https://evil.example/' })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
      expect(await call('library.list', undefined, { url: 'https://evil.example/' })).toMatchObject({ ok: false, error: { code: 'forbidden' } });

      unregister();
      expect(fake.ipc.size).toBe(0);
    } finally {
      store.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('PDF export in the app', () => {
  it('prints the HTML in a hidden, sandboxed window without preload or JavaScript, then destroys it and deletes the file', async () => {
    const before = fake.windows.length;
    const html = '<!doctype html><html><head><title>x</title></head><body><p>Lettre datée du 1er mars</p></body></html>';
    const bytes = await printHtmlToPdf(html, { paper: 'a4' });
    expect(new TextDecoder().decode(bytes)).toBe(`%PDF-1.7 fake of ${html.length} characters`);
    expect(fake.windows).toHaveLength(before + 1);
    const win = fake.windows.at(-1)!;
    expect(win.opts['show']).toBe(false);
    const prefs = win.opts['webPreferences'] as Record<string, unknown>;
    expect(prefs).toEqual({ ...SECURE_WEB_PREFERENCES, javascript: false, devTools: false, spellcheck: false });
    expect(prefs).toMatchObject({ sandbox: true, contextIsolation: true, nodeIntegration: false, javascript: false, webSecurity: true });
    expect(prefs['preload']).toBeUndefined();
    // It printed exactly the HTML it was given, with the print options the CSS page size needs.
    expect(win.loaded?.html).toBe(html);
    expect(win.printed).toEqual([{ pageSize: 'A4', preferCSSPageSize: true, printBackground: true, displayHeaderFooter: false, generateTaggedPDF: true, generateDocumentOutline: true }]);
    expect(win.destroyed).toBe(true);
    expect(existsSync(win.loaded!.file!)).toBe(false);
  });
});

describe('File > Print', () => {
  it('opens the system print dialog on the print view in the same hidden window, then cleans up; cancel is not an error', async () => {
    const html = '<!doctype html><html><body><p>Rapport annuel</p></body></html>';
    fake.printAnswer.push('printed', 'cancelled', 'failed');
    expect(await printHtml(html)).toBe(true);
    const win = fake.windows.at(-1)!;
    expect(win.printed).toEqual([{ paper: { silent: false, printBackground: false }, html }]);
    expect(win.opts['webPreferences']).toMatchObject({ sandbox: true, javascript: false });
    expect(win.destroyed).toBe(true);
    expect(existsSync(win.loaded!.file!)).toBe(false);
    expect(await printHtml(html)).toBe(false);
    await expect(printHtml(html)).rejects.toThrow('the document could not be printed (failed)');
    expect(fake.windows.at(-1)!.destroyed).toBe(true);
  });
});

describe('opening the library at start', () => {
  it('asks with a native dialog when the library is damaged, and starts empty when told to', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'rapporteur-main-'));
    try {
      writeFileSync(join(dir, 'rapporteur.db'), 'this is not a database, just damaged bytes '.repeat(200));
      fake.dialogs.length = 0;
      fake.answers.push(0); // the first button: no backup exists, so "start with an empty library"
      const store = await openLibraryOrAsk(dir, 'fr', { create: false });
      expect(store).toBeDefined();
      expect(store!.list()).toEqual([]);
      store!.close();
      expect(fake.dialogs).toHaveLength(1);
      expect(fake.dialogs[0]).toMatchObject({
        type: 'error',
        message: 'Le fichier de la bibliothèque est endommagé et ne peut pas être ouvert sans risque.',
        buttons: ['Repartir d’une bibliothèque vide', 'Quitter'],
        cancelId: 1,
      });
      // The damaged file was kept.
      expect(readdirSync(dir).some((f) => /^rapporteur-damaged-.*\.db$/.test(f))).toBe(true);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('quits when the user chooses to', async () => {
    const dir = join(tmpdir(), `rapporteur-missing-${process.pid}-${Date.now()}`);
    fake.dialogs.length = 0;
    fake.answers.push(1); // "Quit" (after "Try again")
    expect(await openLibraryOrAsk(dir, 'en', { create: false })).toBeUndefined();
    expect(fake.dialogs[0]).toMatchObject({ message: 'The library folder does not exist.', buttons: ['Try again', 'Quit'] });
    expect(existsSync(dir)).toBe(false);
  });
});

describe('hardening', () => {
  function fakeContents() {
    const listeners = new Map<string, (event: { preventDefault: () => void; isMainFrame?: boolean; url?: string }) => void>();
    let openHandler: ((details: { url: string }) => unknown) | undefined;
    return {
      listeners,
      open: (url = 'https://example.org/') => openHandler?.({ url }),
      contents: {
        setWindowOpenHandler: (h: (details: { url: string }) => unknown) => void (openHandler = h),
        on: (name: string, l: (event: { preventDefault: () => void }) => void) => void listeners.set(name, l),
      },
    };
  }

  it('opens an https link the user follows in the system browser, once, and nothing else', async () => {
    const opened: string[] = [];
    const c = fakeContents();
    hardenWebContents(c.contents as never, async (url) => void opened.push(url));
    expect(c.open('https://www.un.org/securitycouncil/')).toEqual({ action: 'deny' });
    for (const url of ['http://www.un.org/', 'file:///etc/passwd', 'javascript:alert(1)', 'https://user:pw@evil.example/', 'smb://server/share', 'not a url', 'rapporteur://x']) {
      expect(c.open(url)).toEqual({ action: 'deny' });
    }
    const preventDefault = vi.fn();
    c.listeners.get('will-navigate')!({ preventDefault, url: 'https://undocs.org/S/2017/138' });
    c.listeners.get('will-frame-navigate')!({ preventDefault, url: 'https://undocs.org/S/2017/138' });
    c.listeners.get('will-navigate')!({ preventDefault, url: 'file:///home/user/secret.docx' });
    expect(preventDefault).toHaveBeenCalledTimes(3);
    await Promise.resolve();
    expect(opened).toEqual(['https://www.un.org/securitycouncil/', 'https://undocs.org/S/2017/138']);
  });

  it('denies new windows and prevents navigation, redirects and <webview>', () => {
    const c = fakeContents();
    hardenWebContents(c.contents as never, async () => undefined);
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

describe('under a team server (issue 15)', () => {
  const TEAM = ['https://team.mission.example', 'wss://team.mission.example'];

  it('lets the page reach the configured server only, and says so in the policy header', () => {
    let origins: string[] = [];
    let beforeRequest: ((d: { url: string }, cb: (r: { cancel: boolean }) => void) => void) | undefined;
    let headers: ((d: { responseHeaders?: Record<string, string[]> }, cb: (r: { responseHeaders: Record<string, string[]> }) => void) => void) | undefined;
    hardenSession(
      {
        setPermissionRequestHandler: () => undefined,
        setPermissionCheckHandler: () => undefined,
        webRequest: { onBeforeRequest: (h: typeof beforeRequest) => void (beforeRequest = h), onHeadersReceived: (h: typeof headers) => void (headers = h) },
      } as never,
      () => origins,
    );
    const cancelled = (url: string) => {
      let result: boolean | undefined;
      beforeRequest!({ url }, (r) => (result = r.cancel));
      return result;
    };
    expect(cancelled('wss://team.mission.example/collab')).toBe(true);
    origins = TEAM;
    expect(cancelled('wss://team.mission.example/collab')).toBe(false);
    expect(cancelled('https://team.mission.example/api/health')).toBe(false);
    expect(cancelled('wss://other.example/collab')).toBe(true);
    expect(cancelled('https://team.mission.example.evil.example/')).toBe(true);
    let out: Record<string, string[]> = {};
    headers!({ responseHeaders: {} }, (r) => (out = r.responseHeaders));
    expect(out['Content-Security-Policy']).toEqual([contentSecurityPolicy(TEAM)]);
  });

  it('serves the page from file:// with its <meta> policy allowing the server, only while one is configured', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'rapporteur-page-'));
    const index = join(dir, 'index.html');
    writeFileSync(index, `<!doctype html><html><head><meta http-equiv="Content-Security-Policy" content="${META_CONTENT_SECURITY_POLICY}" /></head><body></body></html>`);
    let handler: ((r: Request) => Promise<Response>) | undefined;
    const session = { protocol: { handle: vi.fn((scheme: string, h: typeof handler) => void (handler = h)), unhandle: vi.fn() } };
    let origins: string[] = [];
    // No team server: nothing intercepted, the app loads as before.
    syncAppPage(session as never, index, () => origins);
    expect(session.protocol.handle).not.toHaveBeenCalled();
    origins = TEAM;
    syncAppPage(session as never, index, () => origins);
    syncAppPage(session as never, index, () => origins);
    expect(session.protocol.handle).toHaveBeenCalledTimes(1);
    expect(session.protocol.handle.mock.calls[0]![0]).toBe('file');
    const page = await handler!(new Request(pathToFileURL(index).href));
    expect(page.headers.get('Content-Security-Policy')).toBe(contentSecurityPolicy(TEAM));
    const html = await page.text();
    expect(html).toContain("connect-src 'self' data: https://team.mission.example wss://team.mission.example;");
    expect(html).not.toContain(META_CONTENT_SECURITY_POLICY);
    // Any other file is passed on untouched.
    const other = await handler!(new Request(pathToFileURL(join(dir, 'assets', 'index.js')).href));
    expect(await other.text()).toBe(`passed on: ${pathToFileURL(join(dir, 'assets', 'index.js')).href}`);
    // Disconnected: intercepting stops.
    origins = [];
    syncAppPage(session as never, index, () => origins);
    expect(session.protocol.unhandle).toHaveBeenCalledWith('file');
    rmSync(dir, { recursive: true, force: true });
  });
});

describe('the menu', () => {
  type Item = { label?: string; role?: string; accelerator?: string; registerAccelerator?: boolean; enabled?: boolean; click?: () => void; submenu?: Item[] };
  const none = new Set<AppCommand>();
  const build = (lang: 'fr' | 'en', platform: NodeJS.Platform, available: ReadonlySet<AppCommand> = none, onCommand: (c: AppCommand) => void = () => undefined) =>
    (buildMenu(lang, { platform, dev: false, available, window: () => undefined, onCommand }) as unknown as { template: Item[] }).template;
  const labels = (lang: 'fr' | 'en', platform: NodeJS.Platform) => build(lang, platform).map((i) => i.label);
  const find = (items: Item[], label: string): Item => {
    for (const i of items) {
      if (i.label === label) return i;
      const inner = i.submenu && find(i.submenu, label);
      if (inner?.label === label) return inner;
    }
    return {};
  };

  it('has File / Edit / Insert / Document / View / Help in the interface language (and the app and Window menus on macOS)', () => {
    expect(labels('en', 'win32')).toEqual(['File', 'Edit', 'Insert', 'Document', 'View', 'Help']);
    expect(labels('fr', 'linux')).toEqual(['Fichier', 'Édition', 'Insertion', 'Document', 'Affichage', 'Aide']);
    expect(labels('fr', 'darwin')).toEqual(['Rapporteur', 'Fichier', 'Édition', 'Insertion', 'Document', 'Affichage', 'Fenêtre', 'Aide']);
  });

  it('names every item the issue lists, in both languages', () => {
    const file = (lang: 'fr' | 'en') => find(build(lang, 'win32'), lang === 'fr' ? 'Fichier' : 'File').submenu!.map((i) => i.label).filter(Boolean);
    expect(file('en')).toEqual(['New from Template…', 'Open…', 'Import…', 'Import a Returned Version…', 'Export…', 'Print…', 'Close Document', 'Settings…', 'Quit Rapporteur']);
    expect(file('fr')).toEqual(['Nouveau à partir d’un modèle…', 'Ouvrir…', 'Importer…', 'Importer une version revenue…', 'Exporter…', 'Imprimer…', 'Fermer le document', 'Réglages…', 'Quitter Rapporteur']);
    const insert = find(build('fr', 'linux'), 'Insertion').submenu!.map((i) => i.label).filter(Boolean);
    expect(insert).toEqual(['Note de bas de page', 'Renvoi…', 'Tableau', 'Saut de page', 'Annexe', 'Pièce jointe']);
    const doc = find(build('en', 'linux'), 'Document').submenu!.map((i) => i.label).filter(Boolean);
    expect(doc).toEqual(['Check', 'Compare With…', 'Named Snapshot…', 'Finalise…']);
  });

  it('gives each platform its accelerators: Command on macOS, Ctrl elsewhere; Quit only where the platform has one', () => {
    const mac = build('en', 'darwin');
    const win = build('en', 'win32');
    const linux = build('en', 'linux');
    expect(find(mac, 'Print…').accelerator).toBe('Command+P');
    expect(find(win, 'Print…').accelerator).toBe('Ctrl+P');
    expect(find(mac, 'Footnote').accelerator).toBe('Command+Option+F');
    expect(find(win, 'Footnote').accelerator).toBe('Ctrl+Alt+F');
    expect(find(mac, 'Export…').accelerator).toBe('Command+Shift+E');
    expect(find(mac, 'Settings…').accelerator).toBe('Command+,');
    expect(find(win, 'Quit Rapporteur').accelerator).toBeUndefined(); // Alt+F4 is the system's
    expect(find(linux, 'Quit Rapporteur').accelerator).toBe('Ctrl+Q');
    // Keys the editor handles itself are shown but not registered, so one press runs once.
    expect(find(win, 'Find and Replace…')).toMatchObject({ accelerator: 'Ctrl+F', registerAccelerator: false });
    expect(find(win, 'Print…').registerAccelerator).toBe(true);
  });

  it('uses roles for the standard commands', () => {
    const edit = find(build('fr', 'win32'), 'Édition');
    expect(edit.submenu!.map((i) => i.role).filter(Boolean)).toEqual(['undo', 'redo', 'cut', 'copy', 'paste', 'selectAll']);
    expect(edit.submenu!.find((i) => i.role === 'paste')!.label).toBe('Coller');
  });

  it('enables only the commands the page offers, and sends the chosen one to the page', () => {
    const sent: AppCommand[] = [];
    const menu = build('en', 'linux', new Set<AppCommand>(['file.print', 'insert.footnote']), (c) => sent.push(c));
    expect(find(menu, 'Print…').enabled).toBe(true);
    expect(find(menu, 'Footnote').enabled).toBe(true);
    expect(find(menu, 'Export…').enabled).toBe(false);
    expect(find(menu, 'Finalise…').enabled).toBe(false);
    find(menu, 'Footnote').click!();
    find(menu, 'Print…').click!();
    expect(sent).toEqual(['insert.footnote', 'file.print']);
  });

  it('offers Cut / Copy / Paste / Select All on a right click, in the interface language, as the point allows', () => {
    expect(contextMenuModel('fr', { canCut: false, canCopy: true, canPaste: true, canSelectAll: true })).toEqual([
      { role: 'cut', label: 'Couper', enabled: false },
      { role: 'copy', label: 'Copier', enabled: true },
      { role: 'paste', label: 'Coller', enabled: true },
      { role: 'selectAll', label: 'Tout sélectionner', enabled: true },
    ]);
  });

  it('has every command of the contract in the menu, once', () => {
    const commands = menuModel('en', { platform: 'linux', available: none, dev: false, appName: 'Rapporteur' })
      .flatMap((s) => s.items)
      .flatMap((i) => (i.kind === 'command' ? [i.command] : []));
    expect([...commands].sort()).toEqual([...APP_COMMANDS].sort());
  });

  it('reads the same locales/ JSON, with interpolation, and picks the system language', () => {
    expect(menuText('fr', 'aboutDetail', { version: '1.2.3' })).toMatch(/^Version 1\.2\.3\n/);
    expect(languageFromLocales(['fr-CA', 'en-US'])).toBe('fr');
    expect(languageFromLocales(['de-DE', 'en-GB'])).toBe('en');
    expect(languageFromLocales(['de-DE'])).toBe('en');
  });
});
