import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { BrowserWindowConstructorOptions, MenuItemConstructorOptions } from 'electron';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ApiResult } from '../../core/api/errors';
import { HELP_CHANNEL } from '../../core/api/help';
import { CONTENT_SECURITY_POLICY } from '../../core/host/contentPolicy';
import type { WorkerReply, WorkerRequest, WorkerSetup } from '../../core/worker/protocol';
import { IDLE_CHECK_MS } from '../../core/host/idleLock';
import { APP_ENTRY_URL, APP_ORIGIN, IPC_CHANNEL, PARTITION } from '../../electron/security';

// electron/main.ts runs against a recording stand-in for the `electron` module, and the real
// CoreHost runs against a stand-in worker thread, so every wiring decision of the shell is
// observable without the Electron binary.

const electronDir = fileURLToPath(new URL('../../electron', import.meta.url));
const rendererDir = path.join(electronDir, '..', 'renderer');
const INDEX_HTML = '<!doctype html><title>Vigil</title>';

const state = vi.hoisted(() => ({
  electron: {} as Record<string, unknown>,
  fileReads: [] as string[],
}));

// Mocked modules survive vi.resetModules(), so the stand-in forwards to the fake of the moment.
vi.mock('electron', () => {
  const names = [
    'app',
    'BrowserWindow',
    'crashReporter',
    'dialog',
    'ipcMain',
    'Menu',
    'powerMonitor',
    'protocol',
    'session',
  ];
  const forward = (name: string) => ({ enumerable: true, get: () => state.electron[name] });
  return Object.defineProperties(
    {},
    Object.fromEntries(names.map((name) => [name, forward(name)])),
  );
});
vi.mock('node:worker_threads', () => ({ Worker: FakeWorker }));
vi.mock('node:fs/promises', async (importOriginal) => ({
  ...(await importOriginal<typeof import('node:fs/promises')>()),
  readFile: fakeReadFile,
}));

function fakeReadFile(file: string): Promise<Buffer> {
  state.fileReads.push(file);
  if (file === path.join(rendererDir, 'index.html'))
    return Promise.resolve(Buffer.from(INDEX_HTML));
  return Promise.reject(Object.assign(new Error('ENOENT'), { code: 'ENOENT' }));
}

type Listener = (...args: never[]) => unknown;

class Emitter {
  private readonly listeners = new Map<string, Listener[]>();

  on(name: string, listener: Listener): this {
    this.listeners.set(name, [...(this.listeners.get(name) ?? []), listener]);
    return this;
  }

  once(name: string, listener: Listener): this {
    return this.on(name, listener);
  }

  emit(name: string, ...args: unknown[]): void {
    for (const listener of this.listeners.get(name) ?? []) {
      (listener as (...a: unknown[]) => unknown)(...args);
    }
  }
}

class FakeWorker extends Emitter {
  static created: FakeWorker[] = [];
  /** What the core answers per method; any other call answers with its method name. */
  static answers: Record<string, unknown> = {};
  readonly posted: WorkerRequest[] = [];
  terminated = false;

  constructor(
    readonly file: string,
    readonly options: { workerData: WorkerSetup },
  ) {
    super();
    FakeWorker.created.push(this);
  }

  postMessage(request: WorkerRequest): void {
    this.posted.push(request);
    const value = FakeWorker.answers[request.method] ?? request.method;
    const reply: WorkerReply = { id: request.id, result: { ok: true, value } };
    queueMicrotask(() => this.emit('message', reply));
  }

  terminate(): Promise<number> {
    this.terminated = true;
    this.emit('exit', 1);
    return Promise.resolve(1);
  }
}

interface PreventableEvent {
  preventDefault: () => void;
}

class FakeWebContents extends Emitter {
  readonly mainFrame = { url: APP_ENTRY_URL };
  readonly reload = vi.fn(() => this.onReload());
  readonly send = vi.fn();
  windowOpenHandler: ((details: { url: string }) => unknown) | undefined;
  onReload = (): void => undefined;

  setWindowOpenHandler(handler: (details: { url: string }) => unknown): void {
    this.windowOpenHandler = handler;
  }
}

type ProtocolHandler = (request: Request) => Promise<Response>;
type RequestFilter = (details: { url: string }, callback: (r: { cancel: boolean }) => void) => void;
type PermissionRequest = (
  contents: unknown,
  permission: string,
  callback: (granted: boolean) => void,
) => void;

class FakeSession extends Emitter {
  readonly protocolHandlers = new Map<string, ProtocolHandler>();
  requestFilter: RequestFilter | undefined;
  permissionRequest: PermissionRequest | undefined;
  permissionCheck: ((...args: unknown[]) => boolean) | undefined;
  spellChecker: boolean | undefined;

  readonly protocol = {
    handle: (scheme: string, handler: ProtocolHandler) => {
      this.protocolHandlers.set(scheme, handler);
    },
  };

  readonly webRequest = {
    onBeforeRequest: (filter: RequestFilter) => {
      this.requestFilter = filter;
    },
  };

  constructor(readonly partition: string) {
    super();
  }

  setPermissionRequestHandler(handler: PermissionRequest): void {
    this.permissionRequest = handler;
  }

  setPermissionCheckHandler(handler: (...args: unknown[]) => boolean): void {
    this.permissionCheck = handler;
  }

  setSpellCheckerEnabled(enabled: boolean): void {
    this.spellChecker = enabled;
  }
}

interface FakeOptions {
  isPackaged?: boolean;
  gotLock?: boolean;
}

function makeFakeElectron({ isPackaged = true, gotLock = true }: FakeOptions) {
  const calls: string[] = [];
  const windows: FakeBrowserWindow[] = [];
  const sessions = new Map<string, FakeSession>();
  const ipcHandlers = new Map<string, (...args: unknown[]) => unknown>();
  const privilegedSchemes: unknown[] = [];
  const switches: string[] = [];
  const menus: (MenuItemConstructorOptions[] | null)[] = [];
  let markReady = (): void => undefined;
  const readyPromise = new Promise<void>((resolve) => (markReady = resolve));

  const app = Object.assign(new Emitter(), {
    isPackaged,
    commandLine: { appendSwitch: (name: string) => switches.push(name) },
    enableSandbox: vi.fn(() => calls.push('enableSandbox')),
    requestSingleInstanceLock: vi.fn(() => {
      calls.push('requestSingleInstanceLock');
      return gotLock;
    }),
    quit: vi.fn(),
    exit: vi.fn(),
    getPath: (name: string) => `/fake/${name}`,
    whenReady: () => readyPromise,
  });

  class FakeBrowserWindow extends Emitter {
    readonly webContents = new FakeWebContents();
    readonly loadedUrls: string[] = [];
    readonly show = vi.fn();
    readonly focus = vi.fn();
    readonly restore = vi.fn();
    minimized = false;

    constructor(readonly options: BrowserWindowConstructorOptions) {
      super();
      calls.push('new BrowserWindow');
      windows.push(this);
      app.emit('web-contents-created', {}, this.webContents);
    }

    isMinimized(): boolean {
      return this.minimized;
    }

    loadURL(url: string): Promise<void> {
      this.loadedUrls.push(url);
      return Promise.resolve();
    }
  }

  const module = {
    app,
    BrowserWindow: FakeBrowserWindow,
    crashReporter: { start: vi.fn() },
    ipcMain: {
      handle: (channel: string, handler: (...args: unknown[]) => unknown) =>
        ipcHandlers.set(channel, handler),
      on: vi.fn(),
    },
    Menu: {
      buildFromTemplate: (template: MenuItemConstructorOptions[]) => ({ template }),
      setApplicationMenu: (menu: { template: MenuItemConstructorOptions[] } | null) => {
        menus.push(menu?.template ?? null);
      },
    },
    powerMonitor: Object.assign(new Emitter(), {
      idleSeconds: 0,
      getSystemIdleTime(): number {
        return this.idleSeconds;
      },
    }),
    protocol: {
      registerSchemesAsPrivileged: (schemes: unknown[]) => {
        calls.push('registerSchemesAsPrivileged');
        privilegedSchemes.push(...schemes);
      },
    },
    session: {
      fromPartition: (partition: string) => {
        const ses = sessions.get(partition) ?? new FakeSession(partition);
        sessions.set(partition, ses);
        return ses;
      },
    },
  };

  async function ready(): Promise<void> {
    calls.push('ready');
    markReady();
    app.emit('ready');
    await new Promise((resolve) => setTimeout(resolve, 0));
  }

  return {
    module,
    app,
    calls,
    windows,
    sessions,
    ipcHandlers,
    privilegedSchemes,
    switches,
    menus,
    ready,
  };
}

type Fake = ReturnType<typeof makeFakeElectron>;

async function loadMain(options: FakeOptions = {}, vigilDev?: string): Promise<Fake> {
  vi.resetModules();
  vi.stubEnv('VIGIL_DEV', vigilDev);
  vi.stubEnv('NODE_OPTIONS', undefined);
  FakeWorker.created = [];
  FakeWorker.answers = {};
  state.fileReads = [];
  const fake = makeFakeElectron(options);
  state.electron = fake.module;
  await import('../../electron/main');
  return fake;
}

async function startMain(options: FakeOptions = {}, vigilDev?: string): Promise<Fake> {
  const fake = await loadMain(options, vigilDev);
  await fake.ready();
  return fake;
}

function onlyWindow(fake: Fake) {
  expect(fake.windows).toHaveLength(1);
  return fake.windows[0]!;
}

function appSession(fake: Fake): FakeSession {
  const ses = fake.sessions.get(PARTITION);
  expect(ses).toBeDefined();
  return ses!;
}

function preventable(): PreventableEvent {
  return { preventDefault: vi.fn() };
}

afterEach(() => {
  vi.unstubAllEnvs();
});

describe('electron/main before ready', () => {
  it('registers app:// as a standard, secure scheme before ready, without bypassing the CSP', async () => {
    const fake = await startMain();
    expect(fake.privilegedSchemes).toEqual([
      { scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true } },
    ]);
    expect(fake.calls.indexOf('registerSchemesAsPrivileged')).toBeGreaterThanOrEqual(0);
    expect(fake.calls.indexOf('registerSchemesAsPrivileged')).toBeLessThan(
      fake.calls.indexOf('ready'),
    );
  });

  it('enforces the sandbox for every renderer, turns off the HTTP cache, never starts the crash reporter', async () => {
    const fake = await startMain();
    expect(fake.calls.indexOf('enableSandbox')).toBeLessThan(fake.calls.indexOf('ready'));
    expect(fake.switches).toContain('disable-http-cache');
    expect(fake.module.crashReporter.start).not.toHaveBeenCalled();
  });

  it('opens no window before ready', async () => {
    const fake = await loadMain();
    expect(fake.windows).toHaveLength(0);
    await fake.ready();
    expect(fake.windows).toHaveLength(1);
  });
});

describe('debugging switches', () => {
  it.each([
    '--remote-debugging-port=9222',
    '--remote-debugging-pipe',
    '--inspect',
    '--inspect-brk=9229',
    '--inspect-port=0',
  ])('quit at once, with one line on stderr, when started with %s', async (arg) => {
    const errors: unknown[][] = [];
    const spy = vi.spyOn(console, 'error').mockImplementation((...line) => errors.push(line));
    const argv = process.argv;
    process.argv = [argv[0]!, '/opt/vigil/resources/app.asar', arg];
    let fake: Fake;
    try {
      fake = await startMain();
    } finally {
      process.argv = argv;
      spy.mockRestore();
    }
    expect(fake.app.exit).toHaveBeenCalledExactlyOnceWith(1);
    expect(errors).toHaveLength(1);
    expect(String(errors[0]?.[0])).toContain(arg.split('=')[0]);
    // Nothing else ran: no scheme, no sandbox switch, no instance lock, no IPC, no window.
    expect(fake.calls).toEqual(['ready']);
    expect(fake.ipcHandlers.size).toBe(0);
    expect(fake.windows).toHaveLength(0);
  });

  it('start normally without them', async () => {
    const fake = await startMain();
    expect(fake.app.exit).not.toHaveBeenCalled();
    expect(fake.windows).toHaveLength(1);
  });
});

describe('single instance', () => {
  it('requests the lock and quits without a window or IPC when another instance has it', async () => {
    const fake = await startMain({ gotLock: false });
    expect(fake.app.requestSingleInstanceLock).toHaveBeenCalledTimes(1);
    expect(fake.app.quit).toHaveBeenCalled();
    expect(fake.windows).toHaveLength(0);
    expect(fake.ipcHandlers.size).toBe(0);
  });

  it('keeps running when it has the lock, and focuses its window for a second instance', async () => {
    const fake = await startMain();
    expect(fake.app.requestSingleInstanceLock).toHaveBeenCalledTimes(1);
    expect(fake.app.quit).not.toHaveBeenCalled();
    const win = onlyWindow(fake);
    win.minimized = true;
    fake.app.emit('second-instance', {}, [], '/');
    expect(win.restore).toHaveBeenCalled();
    expect(win.focus).toHaveBeenCalled();
  });
});

describe('the main window', () => {
  it('gets the sandboxed, isolated preferences and the in-memory partition', async () => {
    const fake = await startMain();
    for (const win of fake.windows) {
      const prefs = win.options.webPreferences;
      expect(prefs).toMatchObject({
        sandbox: true,
        contextIsolation: true,
        nodeIntegration: false,
        nodeIntegrationInWorker: false,
        nodeIntegrationInSubFrames: false,
        webSecurity: true,
        webviewTag: false,
        spellcheck: false,
        devTools: false,
        partition: PARTITION,
        preload: path.join(electronDir, 'preload.js'),
      });
      expect(prefs?.partition?.startsWith('persist:')).toBe(false);
      // The window's own session is the one that got the protocol, filter and permission rules.
      const ses = fake.sessions.get(prefs?.partition ?? '');
      expect(ses?.protocolHandlers.has('app')).toBe(true);
      expect(ses?.requestFilter).toBeDefined();
    }
    expect(fake.windows.length).toBeGreaterThan(0);
  });

  it('loads the app entry over app:// and shows the window only when painted', async () => {
    const win = onlyWindow(await startMain());
    expect(win.loadedUrls).toEqual([APP_ENTRY_URL]);
    expect(win.options.show).toBe(false);
    expect(win.show).not.toHaveBeenCalled();
    win.emit('ready-to-show');
    expect(win.show).toHaveBeenCalled();
  });

  it.each([
    { isPackaged: false, vigilDev: '1', devTools: true },
    { isPackaged: false, vigilDev: undefined, devTools: false },
    { isPackaged: false, vigilDev: 'true', devTools: false },
    { isPackaged: true, vigilDev: '1', devTools: false },
  ])('devtools are $devTools when packaged=$isPackaged and VIGIL_DEV=$vigilDev', async (c) => {
    const win = onlyWindow(await startMain({ isPackaged: c.isPackaged }, c.vigilDev));
    expect(win.options.webPreferences?.devTools).toBe(c.devTools);
  });
});

describe('the app session', () => {
  it('serves index.html from the renderer build with the CSP', async () => {
    const handler = appSession(await startMain()).protocolHandlers.get('app');
    expect(handler).toBeDefined();
    for (const url of [APP_ENTRY_URL, `${APP_ORIGIN}/`]) {
      const response = await handler!(new Request(url));
      expect(response.status).toBe(200);
      expect(response.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
      expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
      expect(response.headers.get('x-content-type-options')).toBe('nosniff');
      expect(await response.text()).toBe(INDEX_HTML);
    }
    expect(state.fileReads).toEqual([
      path.join(rendererDir, 'index.html'),
      path.join(rendererDir, 'index.html'),
    ]);
  });

  it('answers 404 for missing files', async () => {
    const handler = appSession(await startMain()).protocolHandlers.get('app')!;
    const response = await handler(new Request(`${APP_ORIGIN}/assets/missing.js`));
    expect(response.status).toBe(404);
  });

  it.each([
    `${APP_ORIGIN}/..%2f..%2f..%2fetc%2fpasswd`,
    `${APP_ORIGIN}/assets%2F..%2F..%2F..%2Fhome%2Fuser%2F.ssh%2Fid_ed25519`,
    `${APP_ORIGIN}/..%5c..%5cwindows%5cwin.ini`,
    `${APP_ORIGIN}/index.html%00.png`,
    'app://evil/index.html',
  ])('refuses to read anything for %s', async (url) => {
    const handler = appSession(await startMain()).protocolHandlers.get('app')!;
    const response = await handler(new Request(url));
    expect(response.status).toBe(404);
    expect(state.fileReads).toEqual([]);
  });

  it('never reads outside the renderer build, whatever dot segments a URL carries', async () => {
    const handler = appSession(await startMain()).protocolHandlers.get('app')!;
    for (const url of [`${APP_ORIGIN}/../../etc/passwd`, `${APP_ORIGIN}/%2e%2e/%2e%2e/secret`]) {
      expect((await handler(new Request(url))).status).toBe(404);
    }
    expect(state.fileReads.length).toBeGreaterThan(0);
    for (const file of state.fileReads) expect(file.startsWith(rendererDir + path.sep)).toBe(true);
  });

  it('cancels every request that is not for the app itself', async () => {
    const filter = appSession(await startMain()).requestFilter;
    expect(filter).toBeDefined();
    const decide = (url: string) => {
      const callback = vi.fn();
      filter!({ url }, callback);
      expect(callback).toHaveBeenCalledTimes(1);
      return callback.mock.calls[0]?.[0];
    };
    expect(decide('https://example.com/')).toEqual({ cancel: true });
    expect(decide('http://127.0.0.1:8080/')).toEqual({ cancel: true });
    expect(decide('wss://example.com/socket')).toEqual({ cancel: true });
    expect(decide('file:///etc/passwd')).toEqual({ cancel: true });
    expect(decide(APP_ENTRY_URL)).toEqual({ cancel: false });
    expect(decide(`${APP_ORIGIN}/assets/index.js`)).toEqual({ cancel: false });
  });

  it('denies every permission request and check, and turns the spellchecker off', async () => {
    const ses = appSession(await startMain());
    for (const permission of ['media', 'geolocation', 'notifications', 'openExternal']) {
      const callback = vi.fn();
      ses.permissionRequest!({}, permission, callback);
      expect(callback).toHaveBeenCalledExactlyOnceWith(false);
      expect(ses.permissionCheck!(null, permission, APP_ORIGIN, {})).toBe(false);
    }
    expect(ses.spellChecker).toBe(false);
  });

  it('refuses every download a page starts', async () => {
    const ses = appSession(await startMain());
    const event = { preventDefault: vi.fn() };
    ses.emit('will-download', event, {}, {});
    expect(event.preventDefault).toHaveBeenCalledTimes(1);
  });

  it('replaces the default menu with one that has no developer tools, reload or web links', async () => {
    const fake = await startMain();
    expect(fake.menus).toHaveLength(1);
    const roles = JSON.stringify(fake.menus[0]);
    expect(roles).toContain('"role":"copy"');
    expect(roles).not.toMatch(/toggleDevTools|reload|viewMenu|https?:/i);
  });

  it('opens the in-app Help view at the section a Help item names', async () => {
    const fake = await startMain();
    const win = onlyWindow(fake);
    const help = fake.menus[0]?.find((item) => item.role === 'help');
    const items = help?.submenu as MenuItemConstructorOptions[];
    const threatModel = items.find((item) => item.label === 'Threat model');
    (threatModel?.click as () => void)();
    expect(win.focus).toHaveBeenCalled();
    expect(win.webContents.send).toHaveBeenCalledWith(HELP_CHANNEL, 'threatModel');
  });
});

describe('the menus in the interface language', () => {
  it('builds the menus again in the language the renderer says it shows', async () => {
    const fake = await startMain();
    const win = onlyWindow(fake);
    const invoke = fake.ipcHandlers.get(IPC_CHANNEL)!;
    const trusted = { sender: win.webContents, senderFrame: win.webContents.mainFrame };
    expect(fake.menus.at(-1)?.[0]?.label).toBe('File');
    expect(await invoke(trusted, 'showInterfaceLanguage', { language: 'be' })).toEqual({
      ok: true,
      value: {},
    });
    expect(fake.menus).toHaveLength(2);
    expect(fake.menus.at(-1)?.map((item) => item.label)).toEqual([
      'Файл',
      'Праўка',
      'Выгляд',
      'Акно',
      'Даведка',
    ]);
    // A language outside the contract changes nothing.
    expect(await invoke(trusted, 'showInterfaceLanguage', { language: 'xx' })).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT' },
    });
    expect(fake.menus).toHaveLength(2);
  });
});

describe('web contents', () => {
  it.each(['main window', 'any other web contents'])(
    '%s may not open windows, navigate, redirect or attach webviews',
    async (which) => {
      const fake = await startMain();
      let contents = onlyWindow(fake).webContents;
      if (which !== 'main window') {
        contents = new FakeWebContents();
        fake.app.emit('web-contents-created', {}, contents);
      }
      expect(contents.windowOpenHandler?.({ url: 'https://example.com/' })).toEqual({
        action: 'deny',
      });
      expect(contents.windowOpenHandler?.({ url: APP_ENTRY_URL })).toEqual({ action: 'deny' });
      for (const name of ['will-navigate', 'will-frame-navigate', 'will-redirect']) {
        for (const url of ['https://example.com/', APP_ENTRY_URL]) {
          const event = preventable();
          contents.emit(name, event, url);
          expect(event.preventDefault, `${name} ${url}`).toHaveBeenCalled();
        }
      }
      const webview = preventable();
      contents.emit('will-attach-webview', webview, {}, {});
      expect(webview.preventDefault).toHaveBeenCalled();
    },
  );
});

describe('the vigil:invoke channel', () => {
  type Invoke = (event: unknown, method: unknown, args: unknown) => Promise<ApiResult<unknown>>;

  async function started() {
    const fake = await startMain();
    expect([...fake.ipcHandlers.keys()]).toEqual([IPC_CHANNEL]);
    expect(fake.module.ipcMain.on).not.toHaveBeenCalled();
    const win = onlyWindow(fake);
    const invoke = fake.ipcHandlers.get(IPC_CHANNEL) as Invoke;
    const trusted = { sender: win.webContents, senderFrame: win.webContents.mainFrame };
    return { fake, win, invoke, trusted };
  }

  it('forwards a valid call to the core worker and returns its answer', async () => {
    const { invoke, trusted } = await started();
    const result = await invoke(trusted, 'createPerson', { name: 'Ales Zhukouski' });
    expect(result).toEqual({ ok: true, value: 'createPerson' });
    expect(FakeWorker.created).toHaveLength(1);
    const worker = FakeWorker.created[0]!;
    expect(worker.file).toBe(path.join(electronDir, '..', 'core', 'worker.js'));
    expect(worker.options.workerData).toMatchObject({ dataDir: '/fake/userData' });
    expect(worker.posted).toMatchObject([
      { method: 'createPerson', args: { name: 'Ales Zhukouski' } },
    ]);
  });

  it.each([
    {
      sender: 'another origin in the main frame',
      event: (c: FakeWebContents) => {
        const frame = { url: 'https://evil.example/' };
        return { sender: { ...c, mainFrame: frame }, senderFrame: frame };
      },
    },
    {
      sender: 'a subframe on the app origin',
      event: (c: FakeWebContents) => ({ sender: c, senderFrame: { url: APP_ENTRY_URL } }),
    },
    {
      sender: 'a frame that is gone',
      event: (c: FakeWebContents) => ({ sender: c, senderFrame: null }),
    },
  ])('refuses $sender with FORBIDDEN_SENDER', async ({ event }) => {
    const { win, invoke } = await started();
    const result = await invoke(event(win.webContents), 'vaultStatus', {});
    expect(result).toMatchObject({ ok: false, error: { code: 'FORBIDDEN_SENDER' } });
    expect(FakeWorker.created).toHaveLength(0);
  });

  it('answers INVALID_INPUT for arguments outside the contract', async () => {
    const { invoke, trusted } = await started();
    const result = await invoke(trusted, 'createPerson', { name: 42 });
    expect(result).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    const extra = await invoke(trusted, 'createPerson', { name: 'A', admin: true });
    expect(extra).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    expect(FakeWorker.created).toHaveLength(0);
  });

  it('answers UNKNOWN_METHOD for a method not in the contract', async () => {
    const { invoke, trusted } = await started();
    for (const method of ['dropDatabase', '__proto__', 'constructor', 42]) {
      const result = await invoke(trusted, method, {});
      expect(result).toMatchObject({ ok: false, error: { code: 'UNKNOWN_METHOD' } });
    }
    expect(FakeWorker.created).toHaveLength(0);
  });
});

describe('locking and quitting', () => {
  it.each(['suspend', 'lock-screen'])(
    "powerMonitor '%s' stops the core worker, then reloads the page",
    async (eventName) => {
      const fake = await startMain();
      const win = onlyWindow(fake);
      const invoke = fake.ipcHandlers.get(IPC_CHANNEL)!;
      await invoke(
        { sender: win.webContents, senderFrame: win.webContents.mainFrame },
        'vaultStatus',
        {},
      );
      const worker = FakeWorker.created[0]!;
      let stoppedBeforeReload: boolean | undefined;
      win.webContents.onReload = () => (stoppedBeforeReload = worker.terminated);
      fake.module.powerMonitor.emit(eventName);
      expect(worker.terminated).toBe(true);
      expect(win.webContents.reload).toHaveBeenCalledTimes(1);
      expect(stoppedBeforeReload).toBe(true);
    },
  );

  it('ignores unrelated power events', async () => {
    const fake = await startMain();
    fake.module.powerMonitor.emit('resume');
    expect(onlyWindow(fake).webContents.reload).not.toHaveBeenCalled();
  });

  it('quits when the window closes and stops the core before quitting', async () => {
    const fake = await startMain();
    const win = onlyWindow(fake);
    const invoke = fake.ipcHandlers.get(IPC_CHANNEL)!;
    await invoke(
      { sender: win.webContents, senderFrame: win.webContents.mainFrame },
      'vaultStatus',
      {},
    );
    fake.app.emit('window-all-closed');
    expect(fake.app.quit).toHaveBeenCalled();
    fake.app.emit('before-quit', preventable());
    expect(FakeWorker.created[0]?.terminated).toBe(true);
  });
});

describe('the idle lock in main', () => {
  const unlocked = { state: 'unlocked', readOnly: false, folder: '/v', defaultFolder: '/v' };

  // Only the interval is faked: the fake window's ready() waits on a real setTimeout.
  async function idleMain(autoLockMinutes: number, status: object = unlocked) {
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] });
    const fake = await startMain();
    FakeWorker.answers = { getSettings: { autoLockMinutes }, vaultStatus: status };
    const win = onlyWindow(fake);
    let stoppedBeforeReload: boolean | undefined;
    win.webContents.onReload = () =>
      (stoppedBeforeReload = FakeWorker.created.every((worker) => worker.terminated));
    /** Lets the clock pass one check and waits until that check has finished. */
    const check = async (idleSeconds: number) => {
      fake.module.powerMonitor.idleSeconds = idleSeconds;
      await vi.advanceTimersByTimeAsync(IDLE_CHECK_MS);
      // Every step of a check is a microtask; the next macrotask runs after all of them.
      await new Promise((resolve) => setImmediate(resolve));
    };
    return { fake, win, check, stoppedBeforeReload: () => stoppedBeforeReload };
  }

  afterEach(() => {
    vi.useRealTimers();
  });

  it('locks once the system has been idle for the auto-lock minutes the core holds', async () => {
    const { win, check, stoppedBeforeReload } = await idleMain(5);
    await check(5 * 60 - 1);
    expect(win.webContents.reload).not.toHaveBeenCalled();
    expect(FakeWorker.created.some((worker) => !worker.terminated)).toBe(true);
    await check(5 * 60);
    expect(win.webContents.reload).toHaveBeenCalledTimes(1);
    expect(FakeWorker.created.every((worker) => worker.terminated)).toBe(true);
    expect(stoppedBeforeReload()).toBe(true);
  });

  it('follows a changed auto-lock time at the next check', async () => {
    const { win, check } = await idleMain(30);
    await check(10 * 60);
    expect(win.webContents.reload).not.toHaveBeenCalled();
    FakeWorker.answers.getSettings = { autoLockMinutes: 10 };
    await check(10 * 60);
    expect(win.webContents.reload).toHaveBeenCalledTimes(1);
  });

  it('leaves a locked vault alone, so the unlock screen is not reloaded again and again', async () => {
    const { win, check } = await idleMain(1, { ...unlocked, state: 'locked' });
    await check(3600);
    await check(3600);
    expect(win.webContents.reload).not.toHaveBeenCalled();
  });
});
