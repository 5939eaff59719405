import path from 'node:path';
import { startBrowserHost, type BrowserHost } from '../../browser-host/host';

export const DIST = path.resolve('dist');

/** Starts the app the way `npm run start:browser` does, headless, with the given settings folder. */
export function launchApp(dataDir: string): Promise<BrowserHost> {
  return startBrowserHost({ dataDir, distDir: DIST, headless: true });
}

/** A passphrase the strength meter rates as strong. */
export const STRONG_PASSPHRASE = 'lantern orchard velvet compass 47';
