import { contextBridge, ipcRenderer } from 'electron';
import { createVigilApi } from '../core/api/client';
import { HELP_CHANNEL, helpEventName, isHelpSection } from '../core/api/help';
import { IPC_CHANNEL } from './security';

// The page gets the contract's methods and nothing else: no ipcRenderer, no channel names.
contextBridge.exposeInMainWorld(
  'vigil',
  createVigilApi((method, args) => ipcRenderer.invoke(IPC_CHANNEL, method, args)),
);

// The native Help menu: a plain event named for the section, so nothing crosses into the page's
// world but the event itself (renderer/src/help/HelpContext.tsx listens).
ipcRenderer.on(HELP_CHANNEL, (_event, section: unknown) => {
  if (isHelpSection(section)) window.dispatchEvent(new Event(helpEventName(section)));
});
