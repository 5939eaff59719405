import { lazy, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import type { FiguresProps } from './FiguresView';
import './figures.css';

// The charting library is large and only the dashboard needs it: it loads on first opening.
const FiguresView = lazy(() =>
  import('./FiguresView').then((module) => ({ default: module.FiguresView })),
);

/** The figures dashboard, loaded on demand. */
export function FiguresScreen(props: FiguresProps) {
  const { t } = useTranslation();
  return (
    <Suspense fallback={<p className="figures-view muted">{t('figures.loading')}</p>}>
      <FiguresView {...props} />
    </Suspense>
  );
}
