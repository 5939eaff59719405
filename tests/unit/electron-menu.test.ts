import type { MenuItemConstructorOptions } from 'electron';
import { describe, expect, it } from 'vitest';
import type { HelpSection } from '../../core/api/help';
import { appMenu } from '../../electron/menu';

function flatten(items: readonly MenuItemConstructorOptions[]): MenuItemConstructorOptions[] {
  return items.flatMap((item) => [
    item,
    ...(Array.isArray(item.submenu) ? flatten(item.submenu) : []),
  ]);
}

function menuOf(platform: NodeJS.Platform) {
  const opened: HelpSection[] = [];
  let locks = 0;
  const menu = appMenu(
    { openHelp: (section) => opened.push(section), lock: () => locks++ },
    platform,
  );
  return { menu, opened, locks: () => locks };
}

const click = (item: MenuItemConstructorOptions | undefined) =>
  (item?.click as (() => void) | undefined)?.();

describe('the native menu', () => {
  it('has File, Edit, View, Window and Help, with the app menu first on macOS', () => {
    const names = (menu: MenuItemConstructorOptions[]) =>
      menu.map((item) => item.label ?? item.role);
    expect(names(menuOf('linux').menu)).toEqual(['File', 'editMenu', 'View', 'windowMenu', 'help']);
    expect(names(menuOf('darwin').menu)).toEqual([
      'appMenu',
      'File',
      'editMenu',
      'View',
      'windowMenu',
      'help',
    ]);
  });

  it('offers neither developer tools nor a reload anywhere', () => {
    for (const platform of ['linux', 'win32', 'darwin'] as const) {
      const roles = flatten(menuOf(platform).menu).map((item) => item.role);
      expect(roles).not.toContain('toggleDevTools');
      expect(roles).not.toContain('reload');
      expect(roles).not.toContain('forceReload');
      expect(roles).not.toContain('viewMenu');
    }
  });

  it('opens each Help item at its section of the in-app Help view', () => {
    const { menu, opened } = menuOf('linux');
    const help = menu.find((item) => item.role === 'help');
    const items = (help?.submenu as MenuItemConstructorOptions[]).filter((item) => item.label);
    expect(items.map((item) => item.label)).toEqual([
      'Getting Started',
      'Methodology of the Figures',
      'Threat Model',
      'About Vigil',
    ]);
    items.forEach(click);
    expect(opened).toEqual(['gettingStarted', 'methodology', 'threatModel', 'about']);
  });

  it('locks the vault from File', () => {
    const { menu, locks } = menuOf('win32');
    const file = menu.find((item) => item.label === 'File')
      ?.submenu as MenuItemConstructorOptions[];
    click(file.find((item) => item.label === 'Lock Vault'));
    expect(locks()).toBe(1);
  });
});
