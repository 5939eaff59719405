import os from 'node:os';
import path from 'node:path';
import { startBrowserHost } from './host';

/** `npm run start:browser`: Vigil in the system Chromium, for machines without Electron. */
async function main(): Promise<void> {
  const hasDisplay = Boolean(process.env.DISPLAY || process.env.WAYLAND_DISPLAY);
  const headless = process.env.VIGIL_HEADLESS === '1' || !hasDisplay;
  if (headless)
    console.warn('No display found: Vigil runs headless (set DISPLAY to see the window).');
  const dataDir =
    process.env.VIGIL_DATA_DIR ?? path.join(os.homedir(), '.config', 'vigil-browser-host');
  const host = await startBrowserHost({
    dataDir,
    distDir: path.resolve(__dirname, '..'),
    headless,
  });
  console.warn('Vigil is running in Chromium. Close the window or press Ctrl+C to quit.');
  const quit = () => void host.close().then(() => process.exit(0));
  host.page.on('close', quit);
  process.on('SIGINT', quit);
  process.on('SIGTERM', quit);
}

main().catch((err: unknown) => {
  console.error(
    `Vigil could not start: ${err instanceof Error ? err.message.split('\n')[0] : 'unknown error'}`,
  );
  process.exit(1);
});
