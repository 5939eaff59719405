/**
 * Startup switches that open the running app to another program: Chromium's DevTools endpoint
 * (`--remote-debugging-port`, `--remote-debugging-pipe`) and Node's inspector (`--inspect`,
 * `--inspect-brk`, `--inspect-port`, ...). Through either, anything on the machine could read
 * an unlocked vault's keys and records out of memory, so Vigil refuses to start with them.
 */
const DEBUG_SWITCH = /^(remote-debugging-|inspect($|-))/;

/**
 * The first debugging switch among `args`, as written, or null. Chromium reads `--name` and
 * `-name` (and `/name` on Windows, where it also ignores case), so all of them count.
 */
export function debuggingSwitch(args: readonly string[], platform: string): string | null {
  const prefix = platform === 'win32' ? /^(--|-|\/)/ : /^(--|-)/;
  for (const arg of args) {
    const marker = prefix.exec(arg);
    if (!marker) continue;
    const name = arg.slice(marker[0].length).split('=')[0]!.toLowerCase();
    if (DEBUG_SWITCH.test(name)) return arg.split('=')[0]!;
  }
  return null;
}
