import { createVigilApi } from '../core/api/client';

declare global {
  interface Window {
    __vigilInvoke?: (method: string, args: unknown) => Promise<unknown>;
  }
}

// Runs in the page before the renderer, like Electron's preload: `window.vigil` is built from the
// same contract and forwards every call to the host through one binding.
Object.defineProperty(window, 'vigil', {
  value: createVigilApi((method, args) => {
    if (!window.__vigilInvoke) return Promise.reject(new Error('host bridge missing'));
    return window.__vigilInvoke(method, args);
  }),
  writable: false,
  configurable: false,
});
