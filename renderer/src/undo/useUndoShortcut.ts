import { useEffect } from 'react';

/** As for the lock key: the Z key whatever the layout, by letter where the layout is Latin. */
function isUndoKey(event: KeyboardEvent): boolean {
  const key = event.key.toLowerCase();
  if (key === 'z') return true;
  return !/^[a-z]$/.test(key) && event.code === 'KeyZ';
}

const NOT_TEXT = new Set(['checkbox', 'radio', 'button', 'submit', 'reset', 'file', 'range']);

/** Where Ctrl+Z already means "undo my typing", which must keep working. */
function isTextEntry(target: EventTarget | null): boolean {
  if (target instanceof HTMLTextAreaElement) return true;
  if (target instanceof HTMLInputElement) return !NOT_TEXT.has(target.type);
  return target instanceof HTMLElement && target.isContentEditable;
}

/**
 * Ctrl+Z or Cmd+Z undoes the last saved change, except in a text field (where it undoes
 * typing) and while a dialog is open (whose own content the undo would change underneath it).
 */
export function useUndoShortcut(onUndo: () => void, enabled: boolean): void {
  useEffect(() => {
    if (!enabled) return;
    function onKeyDown(event: KeyboardEvent) {
      if (!(event.ctrlKey || event.metaKey) || event.altKey || event.shiftKey) return;
      if (!isUndoKey(event) || isTextEntry(event.target)) return;
      if (document.querySelector('dialog[open]')) return;
      event.preventDefault();
      onUndo();
    }
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [onUndo, enabled]);
}
