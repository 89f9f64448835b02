/**
 * The application menu: ./menu-model.ts says what it holds; this file only turns that into
 * Electron's Menu. Command items send `app.command` to the page; rebuilt when the interface
 * language or the page's available commands change.
 */
import { app, dialog, Menu, type BrowserWindow, type MenuItemConstructorOptions } from 'electron';
import type { InterfaceLanguage } from '../shared/ipc-contract';
import type { AppCommand } from '../shared/host-events';
import { menuText } from './i18n';
import { menuModel, type MenuItemModel } from './menu-model';

export type MenuOptions = {
  platform: NodeJS.Platform;
  dev: boolean;
  available: ReadonlySet<AppCommand>;
  window: () => BrowserWindow | undefined;
  onCommand: (command: AppCommand) => void;
};

export function buildMenu(lang: InterfaceLanguage, opts: MenuOptions): Menu {
  const showAbout = () => {
    const options = {
      type: 'info' as const,
      title: menuText(lang, 'about'),
      message: app.getName(),
      detail: menuText(lang, 'aboutDetail', { version: app.getVersion() }),
      buttons: [menuText(lang, 'ok')],
    };
    const win = opts.window();
    void (win ? dialog.showMessageBox(win, options) : dialog.showMessageBox(options));
  };
  const item = (m: MenuItemModel): MenuItemConstructorOptions => {
    switch (m.kind) {
      case 'separator':
        return { type: 'separator' };
      case 'about':
        return { label: m.label, click: showAbout };
      case 'role':
        return { role: m.role, label: m.label, ...(m.accelerator ? { accelerator: m.accelerator } : {}) };
      case 'command':
        return {
          label: m.label,
          enabled: m.enabled,
          ...(m.accelerator ? { accelerator: m.accelerator, registerAccelerator: !m.pageKey } : {}),
          click: () => opts.onCommand(m.command),
        };
    }
  };
  const sections = menuModel(lang, { platform: opts.platform, available: opts.available, dev: opts.dev, appName: app.getName() });
  return Menu.buildFromTemplate(sections.map((s) => ({ label: s.label, ...(s.role ? { role: s.role } : {}), submenu: s.items.map(item) })));
}
