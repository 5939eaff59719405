import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ImportProgress } from '../../../core/api/importRuns';
import { request } from '../api';
import { formatNumber } from '../format';

/** How often the bar asks the core how far the import got; the core answers between batches. */
const POLL_MS = 400;

interface Props {
  /** The run under way, once known: the dialog needs it if the import then fails. */
  onRun: (runId: string) => void;
}

/**
 * Shown while an import runs: "1,500 of 10,000 rows" and a Cancel button. A cancel takes effect
 * after the batch being written, so what was imported before it stays, whole rows only.
 */
export function ImportProgressBar({ onRun }: Props) {
  const { t, i18n } = useTranslation();
  const labelId = useId();
  const [progress, setProgress] = useState<ImportProgress>(null);
  const [cancelling, setCancelling] = useState(false);

  useEffect(() => {
    let stopped = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const poll = async () => {
      const result = await request((api) => api.importProgress());
      if (stopped) return;
      if (result.ok && result.value) {
        setProgress(result.value);
        onRun(result.value.runId);
      }
      timer = setTimeout(() => void poll(), POLL_MS);
    };
    void poll();
    return () => {
      stopped = true;
      clearTimeout(timer);
    };
  }, [onRun]);

  async function cancel() {
    setCancelling(true);
    await request((api) => api.cancelImport());
  }

  const number = (n: number) => formatNumber(i18n.language, n);
  const label =
    progress && progress.rows > 0
      ? t('import.progress', { imported: number(progress.imported), rows: number(progress.rows) })
      : t('import.progressStarting');

  return (
    <div className="import-progress" role="group" aria-labelledby={labelId}>
      <p id={labelId} aria-live="polite">
        {label}
      </p>
      <progress
        aria-labelledby={labelId}
        max={progress?.rows || undefined}
        value={progress?.rows ? progress.imported : undefined}
      />
      <div className="actions">
        <button
          type="button"
          className="button secondary"
          aria-disabled={cancelling}
          onClick={() => {
            if (!cancelling) void cancel();
          }}
        >
          {cancelling ? t('import.cancelling') : t('import.cancel')}
        </button>
      </div>
    </div>
  );
}
