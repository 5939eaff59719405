import { describe, expect, it, vi } from 'vitest';
import { METHOD_NAMES } from '../../core/api/contract';
import { HELP_CHANNEL, helpEventName } from '../../core/api/help';
import { IPC_CHANNEL } from '../../electron/security';

const fake = vi.hoisted(() => ({
  exposed: [] as Array<[string, unknown]>,
  invoke: vi.fn((..._args: unknown[]) => Promise.resolve({ ok: true, value: 'answer' })),
  listeners: new Map<string, (event: unknown, ...args: unknown[]) => void>(),
}));

vi.mock('electron', () => ({
  contextBridge: {
    exposeInMainWorld: (key: string, api: unknown) => fake.exposed.push([key, api]),
  },
  ipcRenderer: {
    invoke: fake.invoke,
    on: (channel: string, listener: (event: unknown, ...args: unknown[]) => void) =>
      fake.listeners.set(channel, listener),
  },
}));

// The page's window, as far as the preload's Help relay uses it.
const page = new EventTarget();
vi.stubGlobal('window', page);

await import('../../electron/preload');

describe('electron/preload', () => {
  it('exposes exactly one object, window.vigil, with exactly the contract methods', () => {
    expect(fake.exposed.map(([key]) => key)).toEqual(['vigil']);
    const api = fake.exposed[0]?.[1] as Record<string, unknown>;
    expect(Object.keys(api).sort()).toEqual([...METHOD_NAMES].sort());
    for (const name of METHOD_NAMES) expect(typeof api[name]).toBe('function');
    expect(Object.isFrozen(api)).toBe(true);
  });

  it('sends every call over the one vigil:invoke channel and returns the answer', async () => {
    const api = fake.exposed[0]?.[1] as Record<string, (args?: unknown) => Promise<unknown>>;
    await expect(api.createPerson!({ name: 'Maria Talesnikava' })).resolves.toEqual({
      ok: true,
      value: 'answer',
    });
    await api.vaultStatus!();
    expect(fake.invoke.mock.calls).toEqual([
      [IPC_CHANNEL, 'createPerson', { name: 'Maria Talesnikava' }],
      [IPC_CHANNEL, 'vaultStatus', {}],
    ]);
  });

  it('turns a Help menu section into the window event the page listens for, and nothing else', () => {
    const seen: string[] = [];
    for (const section of ['methodology', 'about', 'toString', '../x'])
      page.addEventListener(`vigil:help:${section}`, () => seen.push(section));
    const relay = fake.listeners.get(HELP_CHANNEL);
    expect([...fake.listeners.keys()]).toEqual([HELP_CHANNEL]);
    for (const section of ['methodology', 'toString', '../x', { section: 'about' }, 'about'])
      relay?.({}, section);
    expect(seen).toEqual(['methodology', 'about']);
    expect(helpEventName('about')).toBe('vigil:help:about');
  });
});
