/**
 * The application menu: File / Edit / View / (Window) / Help, built from roles so the platform
 * supplies the behaviour, with labels in the interface language. Rebuilt when it changes.
 */
import { app, dialog, Menu, type BrowserWindow, type MenuItemConstructorOptions } from 'electron';
import type { InterfaceLanguage } from '../shared/ipc-contract';
import { menuText, type MenuKey } from './i18n';

export function buildMenu(lang: InterfaceLanguage, opts: { isMac: boolean; dev: boolean; window: () => BrowserWindow | undefined }): Menu {
  const t = (key: MenuKey, vars?: Record<string, string>) => menuText(lang, key, vars);

  const showAbout = () => {
    const options = {
      type: 'info' as const,
      title: t('about'),
      message: app.getName(),
      detail: t('aboutDetail', { version: app.getVersion() }),
      buttons: [t('ok')],
    };
    const win = opts.window();
    void (win ? dialog.showMessageBox(win, options) : dialog.showMessageBox(options));
  };

  const template: MenuItemConstructorOptions[] = [];
  if (opts.isMac) {
    template.push({
      label: app.getName(),
      submenu: [
        { label: t('about'), click: showAbout },
        { type: 'separator' },
        { role: 'hide', label: t('hide') },
        { role: 'hideOthers', label: t('hideOthers') },
        { role: 'unhide', label: t('unhide') },
        { type: 'separator' },
        { role: 'quit', label: t('quit') },
      ],
    });
  }
  template.push(
    {
      label: t('file'),
      submenu: opts.isMac ? [{ role: 'close', label: t('closeWindow') }] : [{ role: 'close', label: t('closeWindow') }, { type: 'separator' }, { role: 'quit', label: t('quit') }],
    },
    {
      label: t('edit'),
      submenu: [
        { role: 'undo', label: t('undo') },
        { role: 'redo', label: t('redo') },
        { type: 'separator' },
        { role: 'cut', label: t('cut') },
        { role: 'copy', label: t('copy') },
        { role: 'paste', label: t('paste') },
        { role: 'selectAll', label: t('selectAll') },
      ],
    },
    {
      label: t('view'),
      submenu: [
        { role: 'resetZoom', label: t('resetZoom') },
        { role: 'zoomIn', label: t('zoomIn') },
        { role: 'zoomOut', label: t('zoomOut') },
        { type: 'separator' },
        { role: 'togglefullscreen', label: t('toggleFullScreen') },
        ...(opts.dev
          ? ([{ type: 'separator' }, { role: 'reload', label: t('reload') }, { role: 'toggleDevTools', label: t('toggleDevTools') }] satisfies MenuItemConstructorOptions[])
          : []),
      ],
    },
  );
  if (opts.isMac) template.push({ label: t('window'), submenu: [{ role: 'minimize', label: t('minimize') }, { role: 'close', label: t('closeWindow') }] });
  // On macOS the "help" role gives the menu the system's search field.
  template.push({ ...(opts.isMac ? { role: 'help' as const } : {}), label: t('help'), submenu: [{ label: t('about'), click: showAbout }] });
  return Menu.buildFromTemplate(template);
}
