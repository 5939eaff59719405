import type { VigilApi } from '../../core/api/client';

declare global {
  interface Window {
    /** The only way out of the page: bridged by Electron's preload or by the browser host. */
    readonly vigil: VigilApi;
  }
  /** The version in package.json, set by Vite at build time (vite.config.mts). */
  const __VIGIL_VERSION__: string;
}
