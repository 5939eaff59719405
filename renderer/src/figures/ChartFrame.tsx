import {
  useEffect,
  useId,
  useRef,
  type KeyboardEvent,
  type ReactNode,
  type RefObject,
} from 'react';
import { useTranslation } from 'react-i18next';
import { MARK } from './roving';

interface Props {
  /** What the chart shows, in one sentence with its main numbers: its accessible description. */
  summary: string;
  /** Says how to use the chart from the keyboard; read after the summary. */
  chartLabel: string;
  container: RefObject<HTMLDivElement | null>;
  onKeyDown: (event: KeyboardEvent<HTMLDivElement>) => void;
  chart: ReactNode;
  legend?: ReactNode;
  /** The same numbers as a table, each one opening its cases too. */
  table: ReactNode;
}

/**
 * A chart with its text alternatives: a summary every reader gets, and a table of every number
 * behind a disclosure (printed closed: the chart itself is on the page).
 */
export function ChartFrame({
  summary,
  chartLabel,
  container,
  onKeyDown,
  chart,
  legend,
  table,
}: Props) {
  const { t } = useTranslation();
  const summaryId = useId();
  const tipRef = useRef<HTMLDivElement>(null);

  // Recharts renders its layers through React portals, and React listens for focus events on
  // every portal container; Chromium then makes those <g> elements Tab stops. Take them out of
  // the tab order, so that Tab goes straight to the marks.
  useEffect(() => {
    const root = container.current;
    if (!root) return;
    const untab = () => {
      for (const layer of root.querySelectorAll('svg g:not([data-mark]):not([tabindex])')) {
        layer.setAttribute('tabindex', '-1');
      }
    };
    untab();
    const observer = new MutationObserver(untab);
    observer.observe(root, { childList: true, subtree: true });
    return () => observer.disconnect();
  }, [container]);

  // One tooltip per chart, naming the mark under the pointer or holding the focus with its
  // number. Kept in the DOM, not in React state, for the reason roving.ts gives.
  useEffect(() => {
    const root = container.current;
    const tip = tipRef.current;
    if (!root || !tip) return;
    const show = (event: Event) => {
      const mark = event.target instanceof Element ? event.target.closest(MARK) : null;
      if (!mark) return;
      tip.textContent = mark.getAttribute('aria-label');
      const box = mark.getBoundingClientRect();
      tip.style.left = `${box.left + box.width / 2}px`;
      tip.style.top = `${box.top}px`;
      tip.hidden = false;
    };
    const hide = (event: Event) => {
      const next =
        event instanceof FocusEvent || event instanceof PointerEvent ? event.relatedTarget : null;
      if (next instanceof Element && next.closest(MARK)) return;
      tip.hidden = true;
    };
    root.addEventListener('pointerover', show);
    root.addEventListener('focusin', show);
    root.addEventListener('pointerout', hide);
    root.addEventListener('focusout', hide);
    return () => {
      root.removeEventListener('pointerover', show);
      root.removeEventListener('focusin', show);
      root.removeEventListener('pointerout', hide);
      root.removeEventListener('focusout', hide);
    };
  }, [container]);

  return (
    <div className="figures-chart">
      <p id={summaryId} className="figures-chart-summary">
        {summary}
      </p>
      <div className="figures-chart-row">
        <div
          ref={container}
          className="figures-chart-canvas"
          role="group"
          aria-label={chartLabel}
          aria-describedby={summaryId}
          onKeyDown={onKeyDown}
        >
          {chart}
          <div ref={tipRef} className="figures-tip" role="tooltip" hidden />
        </div>
        {legend}
      </div>
      <details className="figures-data">
        <summary>{t('figures.showTable')}</summary>
        <div className="table-scroll">{table}</div>
      </details>
    </div>
  );
}
