import { useMemo, useRef, type KeyboardEvent, type SVGProps } from 'react';

/** Selects the marks of a chart: its bars, segments and points. */
export const MARK = '[data-mark]';

/**
 * The marks of a chart (bar segments, points) as one tab stop: Tab reaches the chart, the arrow
 * keys, Home and End move between its marks, Enter or Space opens the cases behind one. Every
 * mark is also a button to a screen reader, named with its figure.
 *
 * Which mark holds the tab stop is kept in the DOM, not in React state: a chart library
 * re-renders (and may re-create) its shapes on any change, which would drop the focus and
 * swallow a click that began with the focus moving.
 */
export function useRovingMarks() {
  const container = useRef<HTMLDivElement>(null);

  return useMemo(() => {
    function marks(): SVGElement[] {
      return Array.from(container.current?.querySelectorAll<SVGElement>(MARK) ?? []);
    }

    function activate(target: Element) {
      for (const mark of marks()) mark.setAttribute('tabindex', mark === target ? '0' : '-1');
    }

    function onKeyDown(event: KeyboardEvent<HTMLDivElement>) {
      const target = event.target as Element;
      if (!target.matches(MARK)) return;
      const from = Number(target.getAttribute('data-mark'));
      const count = marks().length;
      let next: number | null = null;
      if (event.key === 'ArrowRight' || event.key === 'ArrowDown')
        next = Math.min(from + 1, count - 1);
      else if (event.key === 'ArrowLeft' || event.key === 'ArrowUp') next = Math.max(from - 1, 0);
      else if (event.key === 'Home') next = 0;
      else if (event.key === 'End') next = count - 1;
      if (next === null) return;
      event.preventDefault();
      const mark = container.current?.querySelector<SVGElement>(`[data-mark="${next}"]`);
      if (!mark) return;
      activate(mark);
      mark.focus();
    }

    /** The props of mark `index` (numbered in reading order from 0): a named button. */
    function markProps(index: number, label: string, open: () => void): SVGProps<SVGGElement> {
      return {
        role: 'button',
        tabIndex: index === 0 ? 0 : -1,
        'aria-label': label,
        'data-mark': index,
        className: 'figures-mark',
        onClick: open,
        onFocus: (event) => activate(event.currentTarget),
        onKeyDown: (event) => {
          if (event.key === 'Enter' || event.key === ' ') {
            event.preventDefault();
            open();
          }
        },
      } as SVGProps<SVGGElement>;
    }

    return { container, onKeyDown, markProps };
  }, []);
}
