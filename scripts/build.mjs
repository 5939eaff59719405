// Bundles the Node-side entry points with esbuild. The renderer is built by Vite separately.
import { build } from 'esbuild';

const external = ['electron', 'sql.js', 'libsodium-wrappers-sumo', 'playwright-core'];
const node = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  external,
  logLevel: 'warning',
};

await Promise.all([
  build({ ...node, entryPoints: ['core/worker/entry.ts'], outfile: 'dist/core/worker.js' }),
  build({ ...node, entryPoints: ['electron/main.ts'], outfile: 'dist/electron/main.js' }),
  // A sandboxed preload may only require('electron'); everything else is bundled in.
  build({ ...node, entryPoints: ['electron/preload.ts'], outfile: 'dist/electron/preload.js' }),
  build({ ...node, entryPoints: ['browser-host/cli.ts'], outfile: 'dist/browser-host/cli.js' }),
  build({
    bundle: true,
    platform: 'browser',
    format: 'iife',
    target: 'chrome120',
    entryPoints: ['browser-host/page-bridge.ts'],
    outfile: 'dist/browser-host/page-bridge.js',
    logLevel: 'warning',
  }),
]);
