import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import pkg from './package.json' with { type: 'json' };

// The renderer is served from app:// (Electron) or an intercepted origin (browser host), so
// every asset path is relative and nothing is inlined that the CSP would have to allow.
export default defineConfig({
  root: 'renderer',
  base: './',
  plugins: [react()],
  // The Help view's About section shows the version users report problems with.
  define: { __VIGIL_VERSION__: JSON.stringify(pkg.version) },
  build: {
    outDir: '../dist/renderer',
    emptyOutDir: true,
    assetsInlineLimit: 0,
    modulePreload: { polyfill: false },
    sourcemap: false,
  },
});
