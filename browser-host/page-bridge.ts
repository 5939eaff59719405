import { createVigilApi } from '../core/api/client';
import { USER_INPUT_EVENTS } from '../core/host/idleLock';

declare global {
  interface Window {
    __vigilInvoke?: (method: string, args: unknown) => Promise<unknown>;
    __vigilInput?: () => Promise<void>;
  }
}

/** A moving pointer fires many events a second; the host hears of input at most this often. */
const INPUT_REPORT_MS = 1000;

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

// The host's idle lock counts from the last input it heard of.
let lastReport = 0;
function reportInput(): void {
  const now = Date.now();
  if (now - lastReport < INPUT_REPORT_MS) return;
  lastReport = now;
  void window.__vigilInput?.();
}
for (const name of USER_INPUT_EVENTS) {
  window.addEventListener(name, reportInput, { capture: true, passive: true });
}
