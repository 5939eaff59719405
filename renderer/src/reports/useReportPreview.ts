import { useEffect, useState } from 'react';
import type { ErrorCode } from '../../../core/api/errors';
import type { ReportPreview, ReportSpec } from '../../../core/api/reports';
import { requestUnlocked } from '../api';

/** Long enough to skip the keystrokes of a date being typed, short enough to feel immediate. */
const PREVIEW_DELAY_MS = 250;

interface Loaded {
  key: string;
  /** The latest preview that arrived, kept under an error so the dialog does not jump. */
  preview: ReportPreview | null;
  error: ErrorCode | null;
}

export interface PreviewState {
  preview: ReportPreview | null;
  /** The preview shown is the one of the spec on screen now. */
  current: boolean;
  error: ErrorCode | null;
}

/**
 * Asks the core for a preview whenever the spec changes, a moment after the last change; an
 * answer to an older spec is dropped. `key` stands for the spec's content.
 */
export function useReportPreview(spec: ReportSpec | null, key: string): PreviewState {
  const [loaded, setLoaded] = useState<Loaded | null>(null);

  useEffect(() => {
    if (spec === null) return;
    let live = true;
    const timer = window.setTimeout(() => {
      void requestUnlocked((api) => api.previewReport(spec)).then((result) => {
        if (!live) return;
        setLoaded((previous) =>
          result.ok
            ? { key, preview: result.value, error: null }
            : { key, preview: previous?.preview ?? null, error: result.error.code },
        );
      });
    }, PREVIEW_DELAY_MS);
    return () => {
      live = false;
      window.clearTimeout(timer);
    };
    // A new spec object with the same content (the key) asks nothing new.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key]);

  const current = spec !== null && loaded?.key === key;
  return {
    preview: loaded?.preview ?? null,
    current: current && loaded.error === null,
    error: current ? loaded.error : null,
  };
}
