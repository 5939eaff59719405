import * as custody from './custody';
import type { CustodyState } from './custody';
import * as dates from '../api/dates';
import type { Day } from '../api/dates';
import { NO_DAY, type StatsModel } from './model';

/**
 * What counts as a conviction, and whether a person held on a day is convicted or still
 * pre-trial. One definition for every figure that needs it: the denominator of the early-release
 * share ("convicted since") and the procedural stage of the breakdowns and custom counts. See
 * docs/methodology.md, sections 6 and 8.
 */

// Read once, not through an import binding per use (see model.ts).
const { IN, OUT, UNCERTAIN } = custody;
const { MAX_DAY, MIN_DAY } = dates;

/** Day intervals `[lo[k], hi[k]]` for k in `[from, to)`; `lo` NO_DAY: undated. */
export interface Intervals {
  lo: ArrayLike<number>;
  hi: ArrayLike<number>;
  from: number;
  to: number;
}

const convictionLo: number[] = [];
const convictionHi: number[] = [];
const convictions: Intervals = { lo: convictionLo, hi: convictionHi, from: 0, to: 0 };

/**
 * The convictions of person i: each criminal proceeding with a verdict date, and each custody
 * event of type `sentence` (NO_DAY when it is undated). A criminal proceeding without a verdict
 * date is not one (the case may still be open), nor is any administrative proceeding. The
 * intervals are reused by the next call, so that a loop over 100k persons allocates nothing.
 */
export function convictionsOf(m: StatsModel, i: number): Intervals {
  let count = 0;
  for (let k = m.prStart[i]!; k < m.prStart[i + 1]!; k++) {
    if (m.prCriminal[k] !== 1 || m.prVerdictLo[k] === NO_DAY) continue;
    convictionLo[count] = m.prVerdictLo[k]!;
    convictionHi[count] = m.prVerdictHi[k]!;
    count++;
  }
  for (let k = m.senStart[i]!; k < m.senStart[i + 1]!; k++) {
    convictionLo[count] = m.senLo[k]!;
    convictionHi[count] = m.senHi[k]!;
    count++;
  }
  convictions.to = count;
  return convictions;
}

/**
 * Whether a person is convicted on day D in their current custody spell: IN when certainly,
 * OUT when certainly not (pre-trial), UNCERTAIN when partial dates leave it open, considering
 * every placement of each date inside its interval as the custody state does. A conviction
 * counts when it is on or before D and after every release on or before D: a conviction before
 * a release belongs to the spell that release ended. One on the same day as a release comes
 * before it (a sentence event sorts before a release). An undated conviction may be on any day;
 * undated releases are ignored, as the custody state ignores undated events.
 */
export function convictionState(convictions: Intervals, releases: Intervals, D: Day): CustodyState {
  // Releases placed as late as they can be on or before D (what can stop a conviction from
  // being certain), and releases certainly on or before D placed as early as they can be.
  let latestRelease = -Infinity;
  let earliestRelease = -Infinity;
  for (let k = releases.from; k < releases.to; k++) {
    const lo = releases.lo[k]!;
    if (lo === NO_DAY || lo > D) continue;
    const hi = releases.hi[k]!;
    const latest = hi < D ? hi : D;
    if (latest > latestRelease) latestRelease = latest;
    if (hi <= D && lo > earliestRelease) earliestRelease = lo;
  }
  let state: CustodyState = OUT;
  for (let k = convictions.from; k < convictions.to; k++) {
    const undated = convictions.lo[k] === NO_DAY;
    const lo = undated ? MIN_DAY : convictions.lo[k]!;
    const hi = undated ? MAX_DAY : convictions.hi[k]!;
    if (hi <= D && lo > latestRelease) return IN;
    if (lo <= D && (hi < D ? hi : D) > earliestRelease) state = UNCERTAIN;
  }
  return state;
}

/** `convictionState` of person i on D, from the model. */
export function convictedOn(m: StatsModel, i: number, D: Day): CustodyState {
  const releases = { lo: m.relLo, hi: m.relHi, from: m.relStart[i]!, to: m.relStart[i + 1]! };
  return convictionState(convictionsOf(m, i), releases, D);
}
