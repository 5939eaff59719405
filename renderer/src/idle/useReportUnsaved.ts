import { useEffect } from 'react';
import type { UnsavedForm } from '../../../core/api/contract';
import { request } from '../api';

/**
 * Tells the host which parts of a person page hold unsaved changes, so that a lock (the idle
 * lock, the Lock button, the host's own) can be followed by a list of what it discarded. Only
 * the part and the person's id leave the page, never what was typed.
 */
export function useReportUnsaved(
  personId: string | null,
  dirty: Record<UnsavedForm['form'], boolean>,
): void {
  const { person, timeline, sources } = dirty;
  useEffect(() => {
    const parts = { person, timeline, sources };
    const forms = (Object.keys(parts) as UnsavedForm['form'][])
      .filter((form) => parts[form])
      .map((form) => ({ form, personId }));
    void request((api) => api.noteUnsavedForms({ forms }));
    return () => {
      void request((api) => api.noteUnsavedForms({ forms: [] }));
    };
  }, [personId, person, timeline, sources]);
}
