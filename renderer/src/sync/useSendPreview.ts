import { useEffect, useState } from 'react';
import type { ErrorCode } from '../../../core/api/errors';
import type { SendPreview } from '../../../core/api/sync';
import { requestUnlocked } from '../api';

export type SendPreviewState =
  | { state: 'none' }
  | { state: 'checking' }
  | { state: 'ready'; preview: SendPreview; contactIds: readonly string[] }
  | { state: 'error'; code: ErrorCode };

/**
 * What a bundle to these contacts would hold, asked again whenever the choice changes. An answer
 * counts only for the choice it was asked for: until the newest arrives, the preview is
 * `checking`, so Send always sends to the contacts the preview on screen describes.
 */
export function useSendPreview(contactIds: readonly string[]): SendPreviewState {
  const key = contactIds.join(',');
  const [answer, setAnswer] = useState<{ key: string; preview: SendPreviewState }>();

  useEffect(() => {
    if (key === '') return;
    const ids = key.split(',');
    let current = true;
    void requestUnlocked((api) => api.previewSend({ contactIds: ids })).then((result) => {
      if (!current) return;
      setAnswer({
        key,
        preview: result.ok
          ? { state: 'ready', preview: result.value, contactIds: ids }
          : { state: 'error', code: result.error.code },
      });
    });
    return () => {
      current = false;
    };
  }, [key]);

  if (key === '') return { state: 'none' };
  return answer?.key === key ? answer.preview : { state: 'checking' };
}
