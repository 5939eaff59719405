import { useEffect, useRef, type MouseEvent } from 'react';

/**
 * Gives the focus back to the button that opened a dialog once it is gone. Modal unmounts its
 * <dialog> with the parent's state, which leaves the focus on the page's body; the keyboard
 * user would have to find their place again from the top.
 */
export function useReturnFocus(open: boolean): (event: MouseEvent<HTMLButtonElement>) => void {
  const opener = useRef<HTMLButtonElement | null>(null);
  useEffect(() => {
    if (open || !opener.current) return;
    opener.current.focus();
    opener.current = null;
  }, [open]);
  return (event) => {
    opener.current = event.currentTarget;
  };
}
