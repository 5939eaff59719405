import type { Day } from '../api/dates';

/**
 * Custody state from a person's custody events. Each event's date is an interval of days (an
 * exact date is an interval of one day). The person is in custody on a day D when the last
 * event on or before D is custodial. With partial dates the last event may not be known: the
 * state is then *certain* when every placement of the events inside their intervals gives the
 * same answer, and *uncertain* otherwise. See docs/methodology.md, "In custody as of a date".
 */

/** Event types in their fixed order for events on the same day. */
export const EVENT_TYPES = [
  'detention',
  'arrest',
  'sentence',
  'transfer',
  'release',
  'rearrest',
  'death_in_custody',
] as const;
export type EventTypeCode = (typeof EVENT_TYPES)[number];

export const DETENTION = 0;
export const ARREST = 1;
export const SENTENCE = 2;
export const TRANSFER = 3;
export const RELEASE = 4;
export const REARREST = 5;
export const DEATH_IN_CUSTODY = 6;

/** After an event of this type (by its order number) the person is held. */
export function isCustodial(type: number): boolean {
  return type !== RELEASE && type !== DEATH_IN_CUSTODY;
}

const TYPE_NUMBERS = new Map<string, number>(EVENT_TYPES.map((type, i) => [type, i]));

/** The order number of a type, or -1 for a type this version does not know. */
export function typeNumber(type: string): number {
  return TYPE_NUMBERS.get(type) ?? -1;
}

export const OUT = 0;
export const UNCERTAIN = 1;
export const IN = 2;
export type CustodyState = typeof OUT | typeof UNCERTAIN | typeof IN;

/**
 * A person's dated events as flat arrays (`lo`, `hi` days and type numbers), `count` of them,
 * in any order.
 */
export interface EventIntervals {
  lo: ArrayLike<number>;
  hi: ArrayLike<number>;
  type: ArrayLike<number>;
  count: number;
}

/** Position of an event placed on `day`: same-day events are ordered by type. */
function key(day: Day, type: number): number {
  return day * 8 + type;
}

/**
 * The state on day D. The last event on or before D can be:
 *  - an event certainly on or before D (hi <= D) that can be placed no earlier than every other
 *    such event: its latest position is at or after the earliest position of all the others;
 *  - an event whose interval contains D (lo <= D < hi), placed on D, if no event certainly on or
 *    before D must come after it;
 *  - none at all, when no event is certainly on or before D (every straddling event placed
 *    after D): the person is then not (yet) held.
 * The state is certain when all these candidates agree.
 */
export function custodyStateAt(events: EventIntervals, D: Day): CustodyState {
  const { lo, hi, type, count } = events;
  let maxKey = -Infinity;
  let before = 0;
  for (let i = 0; i < count; i++) {
    if (hi[i]! <= D) {
      before++;
      const k = key(lo[i]!, type[i]!);
      if (k > maxKey) maxKey = k;
    }
  }
  let held = false;
  let free = before === 0 && count > 0 ? hasStraddling(events, D) : false;
  if (before === 0 && !free) return OUT;
  for (let i = 0; i < count; i++) {
    const l = lo[i]!;
    if (l > D) continue;
    const h = hi[i]!;
    const t = type[i]!;
    // A straddling event can sit on D at the latest; an earlier one at its own last day.
    const latest = key(h <= D ? h : D, t);
    if (latest < maxKey) continue;
    if (isCustodial(t)) held = true;
    else free = true;
    if (held && free) return UNCERTAIN;
  }
  return held ? IN : OUT;
}

function hasStraddling(events: EventIntervals, D: Day): boolean {
  for (let i = 0; i < events.count; i++) {
    if (events.lo[i]! <= D && events.hi[i]! > D) return true;
  }
  return false;
}

/**
 * The state as a step function of the day: `[day0, state0, day1, state1, …]`, where state_i
 * holds from day_i until the day before day_(i+1), the last one for ever after; before day0 the
 * person is not held. The state can change only on the first day of an event's interval, its
 * last day, and the day after (when an exact event stops being the latest one on D), so
 * evaluating those days is enough. Computed once per person and data version; a figure then
 * needs one binary search per person.
 */
export function custodySteps(events: EventIntervals): number[] {
  const { lo, hi, type, count } = events;
  if (count === 0) return [];
  if (exactAndOrdered(events)) {
    // Every date known to the day: the state changes only on event days, to that of the
    // day's last event.
    const steps: number[] = [];
    let previous = OUT as number;
    for (let i = 0; i < count; i++) {
      if (i + 1 < count && lo[i + 1] === lo[i]) continue;
      const state = isCustodial(type[i]!) ? IN : OUT;
      if (state !== previous) steps.push(lo[i]!, state);
      previous = state;
    }
    return steps;
  }
  const days: number[] = [];
  for (let i = 0; i < count; i++) {
    days.push(lo[i]!, hi[i]!, hi[i]! + 1);
  }
  days.sort((a, b) => a - b);
  const steps: number[] = [];
  let previousDay = NaN;
  let previousState = OUT as number;
  for (const day of days) {
    if (day === previousDay) continue;
    previousDay = day;
    const state = custodyStateAt(events, day);
    if (state !== previousState) {
      steps.push(day, state);
      previousState = state;
    }
  }
  return steps;
}

/** Whether every event is a single day, and they come in (day, type) order. */
function exactAndOrdered({ lo, hi, type, count }: EventIntervals): boolean {
  for (let i = 0; i < count; i++) {
    if (lo[i] !== hi[i]) return false;
    if (i > 0 && (lo[i]! < lo[i - 1]! || (lo[i] === lo[i - 1] && type[i]! < type[i - 1]!))) {
      return false;
    }
  }
  return true;
}

/** Looks the state on D up in a step function made by `custodySteps`. */
export function stateFromSteps(steps: readonly number[], D: Day): CustodyState {
  let low = 0;
  let high = steps.length / 2 - 1;
  if (high < 0 || steps[0]! > D) return OUT;
  // The last step starting on or before D.
  while (low < high) {
    const mid = (low + high + 1) >> 1;
    if (steps[mid * 2]! <= D) low = mid;
    else high = mid - 1;
  }
  return steps[low * 2 + 1] as CustodyState;
}
