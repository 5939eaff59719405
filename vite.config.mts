import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// The renderer is served from app:// (Electron) or an intercepted origin (browser host), so
// every asset path is relative and nothing is inlined that the CSP would have to allow.
export default defineConfig({
  root: 'renderer',
  base: './',
  plugins: [react()],
  build: {
    outDir: '../dist/renderer',
    emptyOutDir: true,
    assetsInlineLimit: 0,
    modulePreload: { polyfill: false },
    sourcemap: false,
  },
});
