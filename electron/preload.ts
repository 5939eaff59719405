import { contextBridge, ipcRenderer } from 'electron';
import { createVigilApi } from '../core/api/client';
import { IPC_CHANNEL } from './security';

// The page gets the contract's methods and nothing else: no ipcRenderer, no channel names.
contextBridge.exposeInMainWorld(
  'vigil',
  createVigilApi((method, args) => ipcRenderer.invoke(IPC_CHANNEL, method, args)),
);
