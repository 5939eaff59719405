import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  ageOn,
  birthdayDay,
  civilFromDay,
  dayFromCivil,
  intervalOf,
  isoFromDay,
  turnsOn,
} from '../../core/api/dates';

const MS_PER_DAY = 86_400_000;
const utcDay = (iso: string) => Date.parse(`${iso}T00:00:00Z`) / MS_PER_DAY;

describe('figure dates', () => {
  it('counts days like UTC dates do, and back', () => {
    fc.assert(
      fc.property(fc.integer({ min: utcDay('1850-01-01'), max: utcDay('2200-12-31') }), (day) => {
        const iso = new Date(day * MS_PER_DAY).toISOString().slice(0, 10);
        const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
        expect(dayFromCivil(y, m, d)).toBe(day);
        expect(civilFromDay(day)).toEqual([y, m, d]);
        expect(isoFromDay(day)).toBe(iso);
      }),
      { numRuns: 2000 },
    );
  });

  it('reads partial dates as intervals of days', () => {
    expect(intervalOf('2022')).toEqual({ lo: utcDay('2022-01-01'), hi: utcDay('2022-12-31') });
    expect(intervalOf('2024-02')).toEqual({ lo: utcDay('2024-02-01'), hi: utcDay('2024-02-29') });
    expect(intervalOf('2023-02')).toEqual({ lo: utcDay('2023-02-01'), hi: utcDay('2023-02-28') });
    expect(intervalOf('2021-12-31')).toEqual({
      lo: utcDay('2021-12-31'),
      hi: utcDay('2021-12-31'),
    });
    for (const bad of [null, '', '2023-02-29', '2023-13', '20x3', '2023/01/01', '2023-1-01']) {
      expect(intervalOf(bad)).toBeNull();
    }
  });

  it('computes ages exactly, 29 February included', () => {
    const day = utcDay;
    expect(ageOn(day('1964-03-01'), day('2024-02-29'))).toBe(59);
    expect(ageOn(day('1964-03-01'), day('2024-03-01'))).toBe(60);
    // Born on 29 February: the birthday is 29 February in leap years, 1 March otherwise.
    expect(turnsOn(day('1964-02-29'), 60)).toBe(day('2024-02-29'));
    expect(ageOn(day('1960-02-29'), day('2021-02-28'))).toBe(60);
    expect(ageOn(day('1960-02-29'), day('2021-03-01'))).toBe(61);
    // 2100 is not a leap year.
    expect(birthdayDay(2040, 2, 29, 60)).toBe(day('2100-03-01'));
    expect(ageOn(day('2040-02-29'), day('2100-02-28'))).toBe(59);
  });

  it('agrees with counting birthdays one by one', () => {
    const date = fc.integer({ min: utcDay('1900-01-01'), max: utcDay('2100-12-31') });
    fc.assert(
      fc.property(date, date, (a, b) => {
        const [birth, on] = a <= b ? [a, b] : [b, a];
        const [by, bm, bd] = civilFromDay(birth);
        const [y, m, d] = civilFromDay(on);
        // Completed years: this year's birthday has passed. For a 29 February birth in a year
        // without one, that happens on 1 March (month 3 > 2).
        const passed = m > bm || (m === bm && d >= bd);
        expect(ageOn(birth, on)).toBe(y - by - (passed ? 0 : 1));
      }),
      { numRuns: 2000 },
    );
  });
});
