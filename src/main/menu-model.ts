/**
 * What the application menu holds, as plain data: sections, items, labels in the interface
 * language, each platform's accelerators, and which items are enabled. No Electron here (./menu.ts
 * turns it into a Menu), so the whole menu is tested in Node per platform and language.
 *
 * Three kinds of item:
 * - `role`: the platform does it (undo, cut, paste, zoom, quit…), with its own shortcut;
 * - `command`: sent to the page as an `app.command` event (src/shared/host-events.ts), enabled
 *   only when the page's current screen offers it (`app.commandsAvailable`);
 * - `about`: the one thing the main process answers itself.
 * `pageKey: true` marks a command whose shortcut the page's editor already handles: the menu shows
 * it but does not register it where it can avoid to (Windows, Linux), so one key press does not run
 * the command twice.
 */
import type { InterfaceLanguage } from '../shared/ipc-contract';
import type { AppCommand } from '../shared/host-events';
import { menuText, type MenuKey } from './i18n';

export type MenuRole =
  | 'undo'
  | 'redo'
  | 'cut'
  | 'copy'
  | 'paste'
  | 'selectAll'
  | 'resetZoom'
  | 'zoomIn'
  | 'zoomOut'
  | 'togglefullscreen'
  | 'reload'
  | 'toggleDevTools'
  | 'minimize'
  | 'zoom'
  | 'front'
  | 'close'
  | 'hide'
  | 'hideOthers'
  | 'unhide'
  | 'quit';

export type MenuItemModel =
  | { kind: 'command'; command: AppCommand; label: string; accelerator?: string; pageKey?: true; enabled: boolean }
  | { kind: 'role'; role: MenuRole; label: string; accelerator?: string }
  | { kind: 'about'; label: string }
  | { kind: 'separator' };

export type MenuSectionModel = { label: string; role?: 'appMenu' | 'windowMenu' | 'help'; items: MenuItemModel[] };

export type MenuContext = {
  platform: NodeJS.Platform;
  /** Commands the page's current screen offers. */
  available: ReadonlySet<AppCommand>;
  dev: boolean;
  appName: string;
};

/** `mod+shift+e` in each platform's spelling: Command on macOS, Ctrl elsewhere. */
function key(spec: string, platform: NodeJS.Platform): string {
  const mac = platform === 'darwin';
  return spec
    .split('+')
    .map((p) => (p === 'mod' ? (mac ? 'Command' : 'Ctrl') : p === 'alt' ? (mac ? 'Option' : 'Alt') : p === 'shift' ? 'Shift' : p))
    .join('+');
}

export function menuModel(lang: InterfaceLanguage, ctx: MenuContext): MenuSectionModel[] {
  const t = (k: MenuKey) => menuText(lang, k);
  const mac = ctx.platform === 'darwin';
  const sep: MenuItemModel = { kind: 'separator' };
  const role = (r: MenuRole, label: MenuKey, accelerator?: string): MenuItemModel => ({ kind: 'role', role: r, label: t(label), ...(accelerator ? { accelerator } : {}) });
  const command = (c: AppCommand, accel?: string, pageKey?: true): MenuItemModel => ({
    kind: 'command',
    command: c,
    label: t(c),
    ...(accel ? { accelerator: key(accel, ctx.platform) } : {}),
    ...(pageKey ? { pageKey } : {}),
    enabled: ctx.available.has(c),
  });

  const sections: MenuSectionModel[] = [];
  if (mac) {
    sections.push({
      label: ctx.appName,
      role: 'appMenu',
      items: [
        { kind: 'about', label: t('about') },
        sep,
        command('app.settings', 'mod+,'),
        sep,
        role('hide', 'hide'),
        role('hideOthers', 'hideOthers'),
        role('unhide', 'unhide'),
        sep,
        role('quit', 'quit'),
      ],
    });
  }
  sections.push({
    label: t('file'),
    items: [
      command('file.new', 'mod+N'),
      command('file.open', 'mod+O'),
      command('file.import', 'mod+shift+O'),
      command('file.importRevision'),
      sep,
      command('file.export', 'mod+shift+E'),
      command('file.print', 'mod+P'),
      sep,
      command('file.close', 'mod+W'),
      // Settings live in the application menu on macOS, in File elsewhere.
      ...(mac ? [] : [command('app.settings'), sep, role('quit', 'quit', ctx.platform === 'win32' ? undefined : 'Ctrl+Q')]),
    ],
  });
  sections.push({
    label: t('edit'),
    items: [
      role('undo', 'undo'),
      role('redo', 'redo'),
      sep,
      role('cut', 'cut'),
      role('copy', 'copy'),
      role('paste', 'paste'),
      role('selectAll', 'selectAll'),
      sep,
      command('edit.find', 'mod+F', true),
    ],
  });
  sections.push({
    label: t('insert'),
    items: [
      // Word's own shortcuts for a footnote and a page break, which the editor handles.
      command('insert.footnote', 'mod+alt+F', true),
      command('insert.xref', 'mod+shift+K', true),
      command('insert.table'),
      command('insert.pageBreak', 'mod+Enter', true),
      sep,
      command('insert.annex'),
      command('insert.enclosure'),
    ],
  });
  sections.push({
    label: t('document'),
    items: [command('document.check', 'F7'), command('document.compare'), command('document.snapshot', 'mod+alt+S'), sep, command('document.finalise')],
  });
  sections.push({
    label: t('view'),
    items: [
      role('resetZoom', 'resetZoom'),
      role('zoomIn', 'zoomIn'),
      role('zoomOut', 'zoomOut'),
      sep,
      role('togglefullscreen', 'toggleFullScreen'),
      ...(ctx.dev ? [sep, role('reload', 'reload'), role('toggleDevTools', 'toggleDevTools')] : []),
    ],
  });
  if (mac) sections.push({ label: t('window'), role: 'windowMenu', items: [role('minimize', 'minimize'), role('zoom', 'zoom'), sep, role('front', 'front')] });
  sections.push({
    label: t('help'),
    // On macOS the "help" role gives the menu the system's search field.
    ...(mac ? { role: 'help' as const } : {}),
    items: [command('help.shortcuts'), ...(mac ? [] : [sep, { kind: 'about' as const, label: t('about') }])],
  });
  return sections;
}
