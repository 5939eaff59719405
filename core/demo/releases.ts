import { day, type Day } from './dates';
import type { DemoRandom } from './random';

/**
 * When and how a person is released before the end of the sentence. The shape follows the
 * source article: pardons every year from 2021 (in waves in 2024), amnesties in 2022 and 2023,
 * a few releases after diplomatic efforts (foreigners), exchanges (Ukrainians, 2024) and
 * deportations; and, as the article stresses, few of them: most prisoners serve their term.
 * Each rule is a chance per year spent in custody inside its window, so its count grows with
 * the number of people held then, as it does in reality.
 */

interface EarlyRule {
  type: string;
  from: Day;
  to: Day;
  /** Chance of release for one year in custody inside the window. */
  perYear: number;
  /** Days when a decree releases a batch of people at once; otherwise any day of the window. */
  waves?: readonly Day[];
  /** A pardon or an amnesty needs a verdict in force, not just a verdict. */
  needsVerdict: boolean;
  /** Parole or replacement of punishment comes after half of the sentence. */
  needsHalfServed?: boolean;
  /** Citizenships that qualify (any one of them); every person qualifies when absent. */
  citizenship?: readonly string[];
}

const FOREIGN = ['UA', 'RU', 'PL', 'CH', 'LT'];
const rule = (
  type: string,
  from: string,
  to: string,
  perYear: number,
  extra: Partial<EarlyRule> = {},
): EarlyRule => ({ type, from: day(from), to: day(to), perYear, needsVerdict: true, ...extra });

const RULES: readonly EarlyRule[] = [
  rule('pardon', '2021-01-01', '2021-12-31', 0.012),
  rule('pardon', '2022-01-01', '2022-12-31', 0.005),
  rule('pardon', '2023-01-01', '2023-12-31', 0.0004),
  rule('pardon', '2024-01-01', '2024-12-31', 0.015, {
    waves: ['2024-01-19', '2024-07-03', '2024-07-17', '2024-08-16', '2024-09-04', '2024-11-20'].map(
      day,
    ),
  }),
  rule('amnesty', '2022-07-01', '2022-12-31', 0.003),
  rule('amnesty', '2023-01-01', '2023-12-31', 0.006),
  rule('diplomatic_efforts', '2022-01-01', '2024-12-31', 0.008, {
    citizenship: ['CH', 'PL', 'LT'],
    needsVerdict: false,
  }),
  rule('exchange', '2024-06-01', '2024-12-31', 0.1, { citizenship: ['UA'], needsVerdict: false }),
  rule('deportation', '2023-01-01', '2024-12-31', 0.01, { citizenship: FOREIGN }),
  rule('parole_or_replacement', '2020-01-01', '2030-12-31', 0.01, { needsHalfServed: true }),
];

export interface EarlyReleaseWindow {
  /** First day an early release can happen; the generator starts after the verdict. */
  from: Day;
  /** Day the verdict came into force, or null before a verdict. */
  verdictInForce: Day | null;
  /** Day half of the sentence is served, or null without a custodial sentence. */
  halfServed: Day | null;
  /** Last day the person is still held: the day before the sentence ends, or the as-of date. */
  until: Day;
  citizenship: readonly string[];
}

/** The earliest early release that happens to a person, if any. */
export function earlyRelease(
  rng: DemoRandom,
  window: EarlyReleaseWindow,
): { day: Day; type: string } | null {
  let best: { day: Day; type: string } | null = null;
  for (const r of RULES) {
    if (r.citizenship && !window.citizenship.some((c) => r.citizenship!.includes(c))) continue;
    let from = Math.max(r.from, window.from);
    if (r.needsVerdict) {
      if (window.verdictInForce === null) continue;
      from = Math.max(from, window.verdictInForce);
    }
    if (r.needsHalfServed) {
      if (window.halfServed === null) continue;
      from = Math.max(from, window.halfServed);
    }
    const to = Math.min(r.to, window.until);
    const candidates = r.waves
      ? r.waves.filter((wave) => wave >= from && wave <= to)
      : to >= from
        ? null
        : [];
    if (candidates?.length === 0) continue;
    if (!rng.chance(1 - Math.exp((-r.perYear * (to - from + 1)) / 365))) continue;
    const chosen = candidates ? rng.pick(candidates) : rng.between(from, to);
    if (!best || chosen < best.day) best = { day: chosen, type: r.type };
  }
  return best;
}
