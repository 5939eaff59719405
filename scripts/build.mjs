// Bundles the Node-side entry points with esbuild. The renderer is built by Vite separately.
import { copyFile, mkdir } from 'node:fs/promises';
import { build } from 'esbuild';

// The report font, beside the core bundle: the worker reads it from dist/fonts (core/reports/fonts.ts).
async function copyFonts() {
  const from = 'node_modules/@fontsource/noto-sans';
  await mkdir('dist/fonts/files', { recursive: true });
  const files = ['400.css', '700.css', 'LICENSE'];
  for (const subset of ['latin', 'latin-ext', 'cyrillic']) {
    for (const weight of [400, 700]) files.push(`files/noto-sans-${subset}-${weight}-normal.woff2`);
  }
  await Promise.all(files.map((file) => copyFile(`${from}/${file}`, `dist/fonts/${file}`)));
}

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
  copyFonts(),
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
