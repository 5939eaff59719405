import type { KeyboardEvent } from 'react';

/**
 * Keys for the small inline forms: Escape cancels; Enter saves from a select or a checkbox too
 * (a text field already submits on Enter), and Ctrl+Enter or Cmd+Enter saves from a text area.
 * Put on the form, or on an element around it.
 */
export function formKeyHandler(onCancel: () => void) {
  return (event: KeyboardEvent<HTMLElement>) => {
    if (event.key === 'Escape') {
      // Keeps an enclosing <dialog> open: Escape closes the innermost thing only.
      event.preventDefault();
      event.stopPropagation();
      onCancel();
      return;
    }
    if (event.key !== 'Enter' || event.nativeEvent.isComposing) return;
    const target = event.target;
    const choice =
      target instanceof HTMLSelectElement ||
      (target instanceof HTMLInputElement && target.type === 'checkbox');
    if (!choice && !event.ctrlKey && !event.metaKey) return;
    const host = event.currentTarget;
    const form = host instanceof HTMLFormElement ? host : host.querySelector('form');
    if (!form) return;
    event.preventDefault();
    form.requestSubmit();
  };
}
