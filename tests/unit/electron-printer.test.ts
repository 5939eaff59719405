import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { PrintJob } from '../../core/api/print';

// electron/printer.ts against a recording stand-in for `electron`: the print window, its
// session and the options it prints with are observable without the Electron binary.

type Handler = (request: { url: string }) => Response;
type Filter = (details: { url: string }, callback: (r: { cancel: boolean }) => void) => void;

const state = vi.hoisted(() => ({
  sessions: new Map<string, unknown>(),
  windows: [] as unknown[],
  printToPDF: (() => Promise.resolve(new Uint8Array([37, 80, 68, 70]))) as (
    options: Record<string, unknown>,
  ) => Promise<Uint8Array>,
  events: [] as string[],
}));

vi.mock('electron', () => {
  class FakeSession {
    handlers = new Map<string, Handler>();
    filter: Filter | undefined;
    permissionRequest: ((c: unknown, p: string, cb: (ok: boolean) => void) => void) | undefined;
    permissionCheck: (() => boolean) | undefined;
    downloads: ((event: { preventDefault(): void }) => void) | undefined;
    protocol = { handle: (scheme: string, handler: Handler) => this.handlers.set(scheme, handler) };
    webRequest = { onBeforeRequest: (filter: Filter) => (this.filter = filter) };
    constructor(readonly partition: string) {}
    setPermissionRequestHandler(h: FakeSession['permissionRequest']) {
      this.permissionRequest = h;
    }
    setPermissionCheckHandler(h: () => boolean) {
      this.permissionCheck = h;
    }
    on(name: string, listener: (event: { preventDefault(): void }) => void) {
      if (name === 'will-download') this.downloads = listener;
    }
  }
  class FakeBrowserWindow {
    loaded: string[] = [];
    destroyed = false;
    printed: Record<string, unknown>[] = [];
    webContents = {
      printToPDF: async (options: Record<string, unknown>) => {
        this.printed.push(options);
        state.events.push('print');
        return state.printToPDF(options);
      },
    };
    constructor(readonly options: { show: boolean; webPreferences: Record<string, unknown> }) {
      state.windows.push(this);
    }
    loadURL(url: string) {
      this.loaded.push(url);
      state.events.push('load');
      return Promise.resolve();
    }
    destroy() {
      this.destroyed = true;
      state.events.push('destroy');
    }
  }
  return {
    BrowserWindow: FakeBrowserWindow,
    session: {
      fromPartition: (partition: string) => {
        if (!state.sessions.has(partition))
          state.sessions.set(partition, new FakeSession(partition));
        return state.sessions.get(partition);
      },
    },
  };
});

const { electronPrinter, PRINT_PARTITION, PRINT_URL } = await import('../../electron/printer');

interface Window {
  options: { show: boolean; webPreferences: Record<string, unknown> };
  loaded: string[];
  destroyed: boolean;
  printed: Record<string, unknown>[];
}
interface Session {
  partition: string;
  handlers: Map<string, Handler>;
  filter: Filter;
  permissionCheck: () => boolean;
}

const job = (html: string): PrintJob => ({
  html,
  pageSize: 'Letter',
  margins: { top: 25.4, bottom: 12.7, left: 10, right: 10 },
  headerTemplate: '<div>header</div>',
  footerTemplate: '<div><span class="pageNumber"></span></div>',
});

const cancelled = (ses: Session, url: string) => {
  let answer: boolean | undefined;
  ses.filter({ url }, (r) => (answer = r.cancel));
  return answer;
};

beforeEach(() => {
  state.sessions.clear();
  state.windows.length = 0;
  state.events.length = 0;
  state.printToPDF = () => Promise.resolve(new Uint8Array([37, 80, 68, 70]));
});

describe('the Electron print window', () => {
  it('prints in a hidden, sandboxed window without JavaScript, on a session of its own', async () => {
    const pdf = await electronPrinter()(job('<p>report</p>'));
    expect([...pdf]).toEqual([37, 80, 68, 70]);
    const win = state.windows[0] as Window;
    expect(win.options.show).toBe(false);
    expect(win.options.webPreferences).toMatchObject({
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
      javascript: false,
    });
    const ses = win.options.webPreferences.session as Session;
    expect(ses.partition).toBe(PRINT_PARTITION);
    expect(ses.partition.startsWith('persist:')).toBe(false);
    expect(ses.partition).not.toBe('vigil-session');
    expect(win.loaded).toEqual([PRINT_URL]);
    expect(win.destroyed).toBe(true);
  });

  it('serves only the job from memory and refuses every other request', async () => {
    let served = '';
    state.printToPDF = async () => {
      const ses = state.sessions.get(PRINT_PARTITION) as Session;
      served = await ses.handlers.get('vigil-print')!({ url: PRINT_URL }).text();
      expect(ses.handlers.get('vigil-print')!({ url: 'vigil-print://report/other' }).status).toBe(
        404,
      );
      return new Uint8Array([1]);
    };
    await electronPrinter()(job('<p>Прывітанне</p>'));
    expect(served).toBe('<p>Прывітанне</p>');
    const ses = state.sessions.get(PRINT_PARTITION) as Session;
    expect(cancelled(ses, PRINT_URL)).toBe(false);
    expect(cancelled(ses, 'data:font/woff2;base64,AAAA')).toBe(false);
    for (const url of [
      'https://example.org/x.png',
      'file:///etc/passwd',
      'app://vigil/index.html',
    ]) {
      expect(cancelled(ses, url), url).toBe(true);
    }
    expect(ses.permissionCheck()).toBe(false);
  });

  it('prints tagged, with an outline, the page size and margins in inches, header and footer', async () => {
    await electronPrinter()(job('<p>x</p>'));
    expect((state.windows[0] as Window).printed).toEqual([
      {
        pageSize: 'Letter',
        margins: { top: 1, bottom: 0.5, left: 10 / 25.4, right: 10 / 25.4 },
        displayHeaderFooter: true,
        headerTemplate: '<div>header</div>',
        footerTemplate: '<div><span class="pageNumber"></span></div>',
        printBackground: true,
        generateTaggedPDF: true,
        generateDocumentOutline: true,
      },
    ]);
  });

  it('destroys the window when printing fails, and prints the next job after it', async () => {
    const print = electronPrinter();
    let calls = 0;
    state.printToPDF = () =>
      ++calls === 1
        ? Promise.reject(new Error('engine failed'))
        : Promise.resolve(new Uint8Array([2]));
    const first = print(job('<p>one</p>'));
    const second = print(job('<p>two</p>'));
    await expect(first).rejects.toThrow('engine failed');
    expect(await second).toEqual(new Uint8Array([2]));
    expect(state.windows.every((w) => (w as Window).destroyed)).toBe(true);
    // One window at a time: each is destroyed before the next one loads.
    expect(state.events.join(' ')).toBe('load print destroy load print destroy');
  });
});
