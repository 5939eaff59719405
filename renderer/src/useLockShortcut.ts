import { useEffect } from 'react';

/** Only for showing the shortcut: both modifiers work everywhere. */
export const IS_MAC = /Mac/.test(navigator.platform);

/**
 * `key` follows the keyboard layout, so on a Belarusian or Russian layout the L key gives "д".
 * The physical key (`code`) is the fallback only when the layout gives no Latin letter, so that
 * on layouts such as AZERTY or Dvorak the shortcut stays on the key labelled L.
 */
function isLockKey(event: KeyboardEvent): boolean {
  const key = event.key.toLowerCase();
  if (key === 'l') return true;
  return !/^[a-z]$/.test(key) && event.code === 'KeyL';
}

/** Ctrl+L or Cmd+L locks from anywhere, including inside text fields and dialogs. */
export function useLockShortcut(onLock: () => void): void {
  useEffect(() => {
    function onKeyDown(event: KeyboardEvent) {
      if (!(event.ctrlKey || event.metaKey) || event.altKey || !isLockKey(event)) return;
      event.preventDefault();
      onLock();
    }
    // Capture phase, so that no handler inside the page can swallow the shortcut.
    window.addEventListener('keydown', onKeyDown, true);
    return () => window.removeEventListener('keydown', onKeyDown, true);
  }, [onLock]);
}
