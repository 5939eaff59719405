import { promises as fs, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { appResponseHeaders } from '../core/host/contentPolicy';
import { resolveAppPath } from '../core/host/appFiles';
import { CoreHost } from '../core/host/coreHost';
import { everyInterval, InputClock, lockIfIdle } from '../core/host/idleLock';
import { fail } from '../core/api/errors';
import type { PrintPdf } from '../core/api/print';
import type { PathPicker } from '../core/host/pathGrants';
import { browserPicker, PICKER_ORIGIN } from './picker';
import { browserPrinter } from './printer';

/** The origin the renderer is served from. Requests to it are answered in-process, never sent. */
export const APP_ORIGIN = 'https://app.vigil';

export interface BrowserHostOptions {
  /** Installation settings folder (the same role as Electron's userData). */
  dataDir: string;
  /** Folder holding dist/ (renderer, core worker, page bridge). */
  distDir: string;
  headless: boolean;
  chromiumPath?: string;
  /** Where the host makes its private temp folder; the system's temp folder unless given. */
  tempParent?: string;
  /** Tests only: the idle lock's clock, and what runs its checks instead of a 15 s interval. */
  idle?: { now?: () => number; schedule?: (check: () => Promise<unknown>) => () => void };
}

/** The folders a host makes for Chromium, all inside `root`. */
export interface BrowserTempDirs {
  root: string;
  profile: string;
  crashDumps: string;
  /** Chromium's own temp files (its TMPDIR). */
  tmp: string;
}

export interface BrowserHost {
  core: CoreHost;
  browser: Browser;
  context: BrowserContext;
  page: Page;
  /** Every request the page tried to make outside the app origin (all were refused). */
  blockedRequests: string[];
  /** Removed by close(), after a failed start, and when the process exits in any other way. */
  tempDirs: BrowserTempDirs;
  close(): Promise<void>;
}

/**
 * Runs Vigil without Electron: the core in a worker of this Node process, the renderer in the
 * system Chromium driven over a pipe (no TCP port). The page's context is in-memory (incognito),
 * every response carries the app's CSP, and `window.vigil` goes through the same contract checks.
 * Chromium's profile, crash dumps and temp files live in one private folder that is removed on
 * every way out; the host locks the vault after the auto-lock time without input in the page.
 */
export async function startBrowserHost(options: BrowserHostOptions): Promise<BrowserHost> {
  const tempDirs = await makeTempDirs(options.tempParent ?? os.tmpdir());
  // The last resort for an exit that skips close(): Playwright kills Chromium on exit too.
  const removeOnExit = () => rmSync(tempDirs.root, { recursive: true, force: true });
  process.on('exit', removeOnExit);
  // The browser is launched below; reports asked for before then cannot print or pick.
  let printPdf: PrintPdf | null = null;
  let pickPath: PathPicker | null = null;
  const core = new CoreHost({
    workerFile: path.join(options.distDir, 'core', 'worker.js'),
    dataDir: options.dataDir,
    printPdf: (job) => {
      if (!printPdf) throw new Error('Chromium has not started');
      return printPdf(job);
    },
    pickPath: (request) => {
      if (!pickPath) throw new Error('Chromium has not started');
      return pickPath(request);
    },
  });
  let profile: BrowserContext | undefined;
  let stopIdle = (): void => undefined;
  let closing: Promise<void> | undefined;
  const close = () =>
    (closing ??= (async () => {
      stopIdle();
      // Closing the profile's context closes the browser with it.
      await profile?.close().catch(() => undefined);
      await core.dispose();
      await fs.rm(tempDirs.root, { recursive: true, force: true });
      process.off('exit', removeOnExit);
    })());
  try {
    profile = await chromium.launchPersistentContext(tempDirs.profile, {
      executablePath: options.chromiumPath ?? process.env.VIGIL_CHROMIUM ?? '/usr/bin/chromium',
      headless: options.headless,
      args: chromiumArgs(tempDirs),
      env: { ...process.env, TMPDIR: tempDirs.tmp },
      // The caller decides what a signal does (the CLI closes the host); Playwright's own
      // handlers would exit the process before the temp folder is gone.
      handleSIGINT: false,
      handleSIGTERM: false,
      handleSIGHUP: false,
    });
    const browser = profile.browser();
    if (!browser) throw new Error('Chromium started without a browser handle');
    printPdf = browserPrinter(browser);
    const context = await browser.newContext({
      viewport: { width: 1280, height: 800 },
      serviceWorkers: 'block',
    });
    const blockedRequests: string[] = [];
    await serveApp(context, path.join(options.distDir, 'renderer'), blockedRequests);
    const inputs = new InputClock(options.idle?.now);
    await bridgeApi(
      context,
      core,
      inputs,
      path.join(options.distDir, 'browser-host', 'page-bridge.js'),
    );
    const page = await context.newPage();
    pickPath = browserPicker(context, () => page);
    // The profile's own start page; the app lives only in the in-memory context.
    for (const blank of profile.pages()) await blank.close();
    page.on('popup', (popup) => void popup.close());
    await page.goto(`${APP_ORIGIN}/index.html`);
    // As lockVault and Electron's lock: the worker goes first, then the page forgets its data.
    const lock = () => {
      core.lock().catch(() => console.error('Vigil: the core worker did not stop cleanly'));
      page.reload().catch(() => undefined);
    };
    stopIdle = (options.idle?.schedule ?? everyInterval)(() =>
      lockIfIdle(core, () => inputs.idleMs(), lock),
    );
    return { core, browser, context, page, blockedRequests, tempDirs, close };
  } catch (err) {
    await close();
    throw err;
  }
}

async function makeTempDirs(parent: string): Promise<BrowserTempDirs> {
  const root = await fs.mkdtemp(path.join(parent, 'vigil-browser-'));
  const dirs = {
    root,
    profile: path.join(root, 'profile'),
    crashDumps: path.join(root, 'crash-dumps'),
    tmp: path.join(root, 'tmp'),
  };
  for (const dir of [dirs.profile, dirs.crashDumps, dirs.tmp]) await fs.mkdir(dir, { mode: 0o700 });
  return dirs;
}

function chromiumArgs(dirs: BrowserTempDirs): string[] {
  const args = [
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--disable-quic',
    // A crash dump holds the page's memory, case data included: no reporter, and any dump
    // Chromium writes anyway lands in the temp folder that is removed on exit.
    '--disable-breakpad',
    '--disable-crash-reporter',
    `--crash-dumps-dir=${dirs.crashDumps}`,
    '--disable-features=SpellcheckService,Translate,OptimizationHints,MediaRouter',
    '--no-first-run',
    '--no-default-browser-check',
    '--disk-cache-size=0',
  ];
  // Chromium's sandbox refuses to start as root; that is a property of the test machine.
  if (process.getuid?.() === 0) args.push('--no-sandbox');
  return args;
}

async function serveApp(
  context: BrowserContext,
  rendererDir: string,
  blocked: string[],
): Promise<void> {
  await context.route('**/*', async (route) => {
    const url = route.request().url();
    const file = url.startsWith(`${APP_ORIGIN}/`)
      ? resolveAppPath(rendererDir, url, APP_ORIGIN)
      : null;
    if (!url.startsWith(`${APP_ORIGIN}/`)) {
      blocked.push(url);
      await route.abort('blockedbyclient');
      return;
    }
    const body = file ? await fs.readFile(file).catch(() => null) : null;
    if (!file || !body) {
      await route.fulfill({ status: 404, body: '' });
      return;
    }
    await route.fulfill({ status: 200, headers: appResponseHeaders(file), body });
  });
  await context.routeWebSocket(/.*/, (ws) => {
    blocked.push(ws.url());
    void ws.close();
  });
}

type BindingSource = Parameters<Parameters<BrowserContext['exposeBinding']>[1]>[0];

function fromAppPage(source: BindingSource): boolean {
  return (
    source.frame === source.page.mainFrame() && source.frame.url().startsWith(`${APP_ORIGIN}/`)
  );
}

async function bridgeApi(
  context: BrowserContext,
  core: CoreHost,
  inputs: InputClock,
  bridgeFile: string,
): Promise<void> {
  await context.exposeBinding('__vigilInvoke', async (source, method: unknown, args: unknown) => {
    if (!fromAppPage(source)) return fail('FORBIDDEN_SENDER', 'Call from an untrusted frame');
    return core.call(method, args);
  });
  // Keyboard and pointer input in the page, not API calls: a user reading a long record makes
  // no calls, and the page makes calls of its own (status checks) with no one there.
  await context.exposeBinding('__vigilInput', (source) => {
    // Browsing in the host's picker is input too: the vault must not lock under the dialog.
    if (fromAppPage(source) || source.frame.url().startsWith(`${PICKER_ORIGIN}/`)) inputs.input();
  });
  await context.addInitScript({ path: bridgeFile });
}
