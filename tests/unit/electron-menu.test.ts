import type { MenuItemConstructorOptions } from 'electron';
import { describe, expect, it } from 'vitest';
import type { HelpSection } from '../../core/api/help';
import type { Language } from '../../core/api/language';
import { appMenu } from '../../electron/menu';
import be from '../../resources/locales/be/translation.json';
import ru from '../../resources/locales/ru/translation.json';

function flatten(items: readonly MenuItemConstructorOptions[]): MenuItemConstructorOptions[] {
  return items.flatMap((item) => [
    item,
    ...(Array.isArray(item.submenu) ? flatten(item.submenu) : []),
  ]);
}

function menuOf(platform: NodeJS.Platform, language: Language = 'en') {
  const opened: HelpSection[] = [];
  let locks = 0;
  const menu = appMenu(
    { openHelp: (section) => opened.push(section), lock: () => locks++ },
    platform,
    language,
  );
  return { menu, opened, locks: () => locks };
}

const click = (item: MenuItemConstructorOptions | undefined) =>
  (item?.click as (() => void) | undefined)?.();

describe('the native menu', () => {
  it('has File, Edit, View, Window and Help, with the app menu first on macOS', () => {
    const names = (menu: MenuItemConstructorOptions[]) =>
      menu.map((item) => item.label ?? item.role);
    expect(names(menuOf('linux').menu)).toEqual(['File', 'Edit', 'View', 'Window', 'Help']);
    expect(names(menuOf('darwin').menu)).toEqual([
      'appMenu',
      'File',
      'Edit',
      'View',
      'Window',
      'Help',
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
      'Getting started',
      'Methodology of the figures',
      'Threat model',
      'About Vigil',
    ]);
    items.forEach(click);
    expect(opened).toEqual(['gettingStarted', 'methodology', 'threatModel', 'about']);
  });

  it('speaks the interface language on every item, roles included', () => {
    for (const [language, words] of [
      ['be', be],
      ['ru', ru],
    ] as const) {
      for (const platform of ['linux', 'darwin'] as const) {
        const items = flatten(menuOf(platform, language).menu).filter(
          (item) => item.type !== 'separator' && item.role !== 'appMenu',
        );
        // Every label is one of that language's menu words, none left to Electron's English.
        const known = new Set<string>([
          ...Object.values(words.menu),
          ...Object.values(words.help.sections),
          words.help.title,
        ]);
        for (const item of items) expect(known).toContain(item.label);
      }
      const top = menuOf('linux', language).menu.map((item) => item.label);
      expect(top).toEqual([
        words.menu.file,
        words.menu.edit,
        words.menu.view,
        words.menu.window,
        words.help.title,
      ]);
    }
    expect(menuOf('linux', 'be').menu[0]?.label).toBe('Файл');
    const help = menuOf('linux', 'ru').menu.at(-1)?.submenu as MenuItemConstructorOptions[];
    expect(help[0]?.label).toBe('Первые шаги');
  });

  it('locks the vault from File', () => {
    const { menu, locks } = menuOf('win32');
    const file = menu.find((item) => item.label === 'File')
      ?.submenu as MenuItemConstructorOptions[];
    click(file.find((item) => item.label === 'Lock vault'));
    expect(locks()).toBe(1);
  });
});
