import { useEffect, useState } from 'react';
import type { PersonSummary } from '../../../core/api/records';
import { PartialDate } from '../../../core/api/schemas';
import { requestUnlocked } from '../api';

/** Waits for a pause in typing, so a name is looked up once rather than at every letter. */
const CHECK_DELAY_MS = 400;

/** Shorter names match too many people to be a useful warning. */
const MIN_NAME_LENGTH = 3;

interface Check {
  name: string;
  birthDate: string;
  /** The person being edited, who is not their own duplicate. */
  excludeId: string | null;
  /** False while name and birth date are as stored: only a change is worth a warning. */
  enabled: boolean;
}

interface Found {
  key: string;
  people: PersonSummary[];
}

/** People already recorded with the same name (in any script) and, when known, birth year. */
export function useDuplicates({ name, birthDate, excludeId, enabled }: Check): PersonSummary[] {
  const trimmedName = name.trim();
  const date = birthDate.trim();
  // An unfinished date must not hide a warning the name alone would give.
  const validDate = PartialDate.safeParse(date).success ? date : null;
  const active = enabled && trimmedName.length >= MIN_NAME_LENGTH;
  const key = JSON.stringify([trimmedName, validDate, excludeId]);
  const [found, setFound] = useState<Found | null>(null);

  useEffect(() => {
    if (!active) return;
    let current = true;
    const timer = window.setTimeout(async () => {
      const result = await requestUnlocked((api) =>
        api.findDuplicates({ name: trimmedName, birthDate: validDate, excludeId }),
      );
      if (current && result.ok) setFound({ key, people: result.value });
    }, CHECK_DELAY_MS);
    return () => {
      current = false;
      window.clearTimeout(timer);
    };
  }, [active, key, trimmedName, validDate, excludeId]);

  return active && found?.key === key ? found.people : [];
}
