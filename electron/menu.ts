import type { MenuItemConstructorOptions } from 'electron';
import type { HelpSection } from '../core/api/help';
import type { Language } from '../core/api/language';
import be from '../resources/locales/be/translation.json';
import en from '../resources/locales/en/translation.json';
import ru from '../resources/locales/ru/translation.json';

export interface MenuActions {
  openHelp: (section: HelpSection) => void;
  lock: () => void;
}

/** The menus' words: their own keys, and Help's section names as the Help view shows them. */
const WORDS = {
  en: { ...en.menu, help: en.help.title, sections: en.help.sections },
  be: { ...be.menu, help: be.help.title, sections: be.help.sections },
  ru: { ...ru.menu, help: ru.help.title, sections: ru.help.sections },
};

/**
 * The native menus: File, Edit, View, Window and Help, in the interface language. View has no
 * reload and no developer tools (a reload is a lock's job, and the tools would read an open
 * vault); Help opens the app's own Help view, never a web page. Every item carries its label,
 * since Electron's labels for roles are English.
 */
export function appMenu(
  actions: MenuActions,
  platform: NodeJS.Platform,
  language: Language,
): MenuItemConstructorOptions[] {
  const mac = platform === 'darwin';
  const w = WORDS[language];
  const help = (section: HelpSection): MenuItemConstructorOptions => ({
    label: w.sections[section],
    click: () => actions.openHelp(section),
  });
  return [
    ...(mac ? [{ role: 'appMenu' } satisfies MenuItemConstructorOptions] : []),
    {
      label: w.file,
      submenu: [
        { label: w.lockVault, click: () => actions.lock() },
        { type: 'separator' },
        mac ? { role: 'close', label: w.close } : { role: 'quit', label: w.quit },
      ],
    },
    {
      label: w.edit,
      submenu: [
        { role: 'undo', label: w.undo },
        { role: 'redo', label: w.redo },
        { type: 'separator' },
        { role: 'cut', label: w.cut },
        { role: 'copy', label: w.copy },
        { role: 'paste', label: w.paste },
        { role: 'selectAll', label: w.selectAll },
      ],
    },
    {
      label: w.view,
      submenu: [
        { role: 'resetZoom', label: w.resetZoom },
        { role: 'zoomIn', label: w.zoomIn },
        { role: 'zoomOut', label: w.zoomOut },
        { type: 'separator' },
        { role: 'togglefullscreen', label: w.fullScreen },
      ],
    },
    {
      role: 'window',
      label: w.window,
      submenu: [
        { role: 'minimize', label: w.minimize },
        { role: 'close', label: w.close },
      ],
    },
    {
      role: 'help',
      label: w.help,
      submenu: [
        help('gettingStarted'),
        help('methodology'),
        help('threatModel'),
        { type: 'separator' },
        help('about'),
      ],
    },
  ];
}
