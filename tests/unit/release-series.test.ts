import { describe, expect, it } from 'vitest';
import { EARLY_RELEASE_TYPES } from '../../core/api/figureDefinitions';
import { orderReleaseTypes, releaseSeriesIndex, SERIES_STYLES } from '../../core/api/releaseSeries';
import { fillOf } from '../../core/reports/figures/palette';

// One list of release-type styles for the dashboard's chart and the printed one: a type keeps
// its colour whichever other types a chart shows.

describe('release series', () => {
  it('stacks early releases first, then the others, a user’s code before "not recorded"', () => {
    expect(orderReleaseTypes([null, 'zz_custom', 'sentence_served', 'amnesty', 'pardon'])).toEqual([
      'pardon',
      'amnesty',
      'sentence_served',
      'zz_custom',
      null,
    ]);
  });

  it('gives a known type the same style in any chart, at any position', () => {
    for (const type of [...EARLY_RELEASE_TYPES, 'sentence_served', null]) {
      const styles = new Set([0, 1, 5, 9].map((position) => releaseSeriesIndex(type, position)));
      expect(styles.size, String(type)).toBe(1);
    }
    const used = [...EARLY_RELEASE_TYPES, 'sentence_served', 'acquittal', 'other', null].map((t) =>
      releaseSeriesIndex(t, 0),
    );
    expect(new Set(used).size).toBe(used.length);
  });

  it('fills the printed chart with the dashboard’s colour or its pattern', () => {
    const solid = SERIES_STYLES.findIndex((s) => s.pattern === 'solid');
    expect(fillOf('p', solid)).toBe(SERIES_STYLES[solid]!.colour);
    const patterned = SERIES_STYLES.findIndex((s) => s.pattern !== 'solid');
    expect(fillOf('p', patterned)).toBe(`url(#p-${patterned})`);
  });
});
