import type { MenuItemConstructorOptions } from 'electron';
import type { HelpSection } from '../core/api/help';

export interface MenuActions {
  openHelp: (section: HelpSection) => void;
  lock: () => void;
}

/**
 * The native menus: File, Edit, View, Window and Help. View has no reload and no developer tools
 * (a reload is a lock's job, and the tools would read an open vault); Help opens the app's own
 * Help view, never a web page. Custom labels are English: the core, not main, knows the chosen
 * language, and the roles get Electron's own labels.
 */
export function appMenu(
  actions: MenuActions,
  platform: NodeJS.Platform,
): MenuItemConstructorOptions[] {
  const mac = platform === 'darwin';
  const help = (label: string, section: HelpSection): MenuItemConstructorOptions => ({
    label,
    click: () => actions.openHelp(section),
  });
  return [
    ...(mac ? [{ role: 'appMenu' } satisfies MenuItemConstructorOptions] : []),
    {
      label: 'File',
      submenu: [
        { label: 'Lock Vault', click: () => actions.lock() },
        { type: 'separator' },
        mac ? { role: 'close' } : { role: 'quit' },
      ],
    },
    { role: 'editMenu' },
    {
      label: 'View',
      submenu: [
        { role: 'resetZoom' },
        { role: 'zoomIn' },
        { role: 'zoomOut' },
        { type: 'separator' },
        { role: 'togglefullscreen' },
      ],
    },
    { role: 'windowMenu' },
    {
      role: 'help',
      submenu: [
        help('Getting Started', 'gettingStarted'),
        help('Methodology of the Figures', 'methodology'),
        help('Threat Model', 'threatModel'),
        { type: 'separator' },
        help('About Vigil', 'about'),
      ],
    },
  ];
}
