import { describe, expect, it } from 'vitest';
import { debuggingSwitch } from '../../electron/debugSwitches';

describe('debuggingSwitch', () => {
  it.each([
    ['--remote-debugging-port=9222', '--remote-debugging-port'],
    ['--remote-debugging-port', '--remote-debugging-port'],
    ['--remote-debugging-pipe', '--remote-debugging-pipe'],
    ['--remote-debugging-address=0.0.0.0', '--remote-debugging-address'],
    ['--inspect', '--inspect'],
    ['--inspect=127.0.0.1:9229', '--inspect'],
    ['--inspect-brk', '--inspect-brk'],
    ['--inspect-brk=0', '--inspect-brk'],
    ['--inspect-port=9230', '--inspect-port'],
    ['--inspect-brk-node', '--inspect-brk-node'],
    // Chromium also reads single-dash switches.
    ['-remote-debugging-port=9222', '-remote-debugging-port'],
  ])('finds %s', (arg, found) => {
    expect(debuggingSwitch(['/opt/vigil/vigil', '--enable-logging', arg], 'linux')).toBe(found);
  });

  it('reads /switch and any case on Windows only', () => {
    expect(debuggingSwitch(['/Remote-Debugging-Port=9222'], 'win32')).toBe(
      '/Remote-Debugging-Port',
    );
    expect(debuggingSwitch(['--INSPECT'], 'win32')).toBe('--INSPECT');
    expect(debuggingSwitch(['/inspect'], 'linux')).toBeNull();
  });

  it('lets ordinary arguments through', () => {
    expect(
      debuggingSwitch(
        ['/opt/vigil/vigil', '.', '--inspector-notes', '--no-sandbox', 'inspect', '--lang=be', ''],
        'linux',
      ),
    ).toBeNull();
    expect(debuggingSwitch([], 'darwin')).toBeNull();
  });
});
