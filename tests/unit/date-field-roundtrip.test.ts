import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Language } from '../../core/api/language';
import { useTranslators } from '../helpers/translators';
import { readDateInput } from '../../core/api/dateInput';
import { daysInMonth } from '../../core/api/dates';
import { MAX_DATE_YEAR, MIN_DATE_YEAR } from '../../core/api/schemas';
import { formatPartialDate, monthNames } from '../../renderer/src/dates';

// A date field shows a stored date as the interface writes it ("6 мая 2024") and reads its own
// text again when the user leaves it or edits around it: what it shows must read as itself.
const translators = useTranslators();

const storedDate = fc
  .record({
    year: fc.integer({ min: MIN_DATE_YEAR, max: MAX_DATE_YEAR }),
    month: fc.integer({ min: 1, max: 12 }),
    day: fc.integer({ min: 1, max: 31 }),
    precision: fc.constantFrom('year', 'month', 'day'),
  })
  .map(({ year, month, day, precision }) => {
    const y = String(year);
    const m = String(month).padStart(2, '0');
    const d = String(Math.min(day, daysInMonth(year, month))).padStart(2, '0');
    return precision === 'year' ? y : precision === 'month' ? `${y}-${m}` : `${y}-${m}-${d}`;
  });

describe('dates as the interface shows them', () => {
  it('read back as the stored date in every interface language', () => {
    fc.assert(
      fc.property(storedDate, fc.constantFrom<Language>('en', 'be', 'ru'), (stored, language) => {
        const t = translators[language];
        const shown = formatPartialDate(t, stored);
        const reading = readDateInput(shown, { language, monthNames: monthNames(t) });
        expect(reading).toMatchObject({ kind: 'certain', value: stored });
      }),
    );
  });

  it('shows 6 May 2024 as each language writes it', () => {
    const shown = (['en', 'be', 'ru'] as const).map((lng) =>
      formatPartialDate(translators[lng], '2024-05-06'),
    );
    expect(shown).toEqual(['6 May 2024', '6 траўня 2024', '6 мая 2024']);
  });
});
