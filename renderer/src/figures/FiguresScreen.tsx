import { lazy, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import './figures.css';

// The charting library is large and only the dashboard needs it: it loads on first opening.
const FiguresView = lazy(() =>
  import('./FiguresView').then((module) => ({ default: module.FiguresView })),
);

interface Props {
  /** Back to the case list and person page. */
  onClose: () => void;
  /** Leaves the dashboard for one person's case. */
  onOpenPerson: (personId: string) => void;
}

/** The figures dashboard, loaded on demand. */
export function FiguresScreen(props: Props) {
  const { t } = useTranslation();
  return (
    <Suspense fallback={<p className="figures-view muted">{t('figures.loading')}</p>}>
      <FiguresView {...props} />
    </Suspense>
  );
}
