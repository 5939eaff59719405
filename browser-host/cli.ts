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
  const starting = startBrowserHost({
    dataDir,
    distDir: path.resolve(__dirname, '..'),
    headless,
  });
  // Listening from the start: a signal while Chromium starts still closes it and removes the
  // temp folder. A failed start has already cleaned up after itself.
  const quit = () =>
    void starting
      .then((host) => host.close())
      .then(
        () => process.exit(0),
        () => process.exit(1),
      );
  process.once('SIGINT', quit);
  process.once('SIGTERM', quit);
  const host = await starting;
  console.warn('Vigil is running in Chromium. Close the window or press Ctrl+C to quit.');
  host.page.on('close', quit);
}

main().catch((err: unknown) => {
  console.error(
    `Vigil could not start: ${err instanceof Error ? err.message.split('\n')[0] : 'unknown error'}`,
  );
  process.exit(1);
});
