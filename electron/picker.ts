import { dialog, type BrowserWindow, type OpenDialogOptions } from 'electron';
import type { PathPicker, PickRequest } from '../core/host/pathGrants';
import be from '../resources/locales/be/translation.json';
import en from '../resources/locales/en/translation.json';
import ru from '../resources/locales/ru/translation.json';

/** The dialogs' titles, in the interface language each request names. */
const TITLES = {
  en: en.pickers.page.titles,
  be: be.pickers.page.titles,
  ru: ru.pickers.page.titles,
};

/**
 * Electron's own dialogs, parented to the app window: open dialogs for what is read, a save
 * dialog (which asks before replacing a file) for a file to write, and a folder dialog that can
 * make a new folder for a vault, backup or case file.
 */
export function electronPicker(window: () => BrowserWindow | null): PathPicker {
  return async (request) => {
    const parent = window();
    if (!parent) return null;
    const title = TITLES[request.language][request.purpose];
    const filters = request.extensions.length > 0 ? [filterOf(request)] : [];
    if (request.kind === 'file' && request.mode === 'write') {
      const saved = await dialog.showSaveDialog(parent, {
        title,
        filters,
        ...(request.suggestedName ? { defaultPath: request.suggestedName } : {}),
        properties: ['createDirectory', 'showOverwriteConfirmation'],
      });
      return saved.canceled || !saved.filePath ? null : saved.filePath;
    }
    const properties: OpenDialogOptions['properties'] =
      request.kind === 'folder'
        ? ['openDirectory', ...(request.mode === 'write' ? (['createDirectory'] as const) : [])]
        : ['openFile'];
    const opened = await dialog.showOpenDialog(parent, { title, filters, properties });
    return opened.canceled ? null : (opened.filePaths[0] ?? null);
  };
}

function filterOf(request: PickRequest): Electron.FileFilter {
  return {
    name: request.extensions.map((e) => `.${e}`).join(', '),
    extensions: [...request.extensions],
  };
}
