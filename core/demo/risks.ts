import type { Day } from './dates';
import type { Sex } from './names';
import type { DemoRandom } from './random';
import type { Timeline } from './timeline';

export interface RiskPlan {
  category: string;
  start: Day;
  /** Null while the risk lasts (past the as-of date, or past the release). */
  end: Day | null;
}

export function ageOn(birth: Day, at: Day): number {
  return Math.floor((at - birth) / 365.25);
}

/**
 * Risk categories while in custody, at rates near the article's (of ~1,500 held, 92 in serious
 * health, 16 with disabilities, 10 with mental disorders), overlapping as health problems do.
 * "Over 60" is not stored: figures derive it from the birth date.
 */
export function planRisks(
  rng: DemoRandom,
  sex: Sex,
  birth: Day,
  timeline: Timeline,
  asOf: Day,
): RiskPlan[] {
  const plans: RiskPlan[] = [];
  for (const spell of timeline.spells) {
    const last = spell.end ?? asOf;
    if (last - spell.start < 30) continue;
    const age = ageOn(birth, spell.start);
    const during = () => rng.between(spell.start, last);
    const add = (category: string, start: Day, end: Day | null = null) => {
      plans.push({ category, start, end: end !== null && end <= last ? end : null });
    };
    const treated = timeline.proceedings[spell.proceeding]!.sentenceType === 'compulsory_treatment';
    const health = rng.chance(0.07 + Math.max(0, age - 40) * 0.004);
    if (health) {
      const start = during();
      add('serious_health', start, rng.chance(0.3) ? start + rng.between(60, 500) : null);
    }
    if (rng.chance(0.01 + Math.max(0, age - 50) * 0.002)) add('disability', spell.start);
    if (rng.chance(treated ? 0.9 : 0.004)) add('mental_disorder', during());
    if (rng.chance(health ? 0.25 : 0.015)) {
      const start = during();
      add('denied_medical_care', start, rng.chance(0.5) ? start + rng.between(30, 200) : null);
    }
    if (sex === 'female' && age <= 42 && rng.chance(0.04)) {
      const start = spell.start + rng.between(0, 60);
      const birthOfChild = start + rng.between(150, 250);
      add('pregnant', start, birthOfChild);
      if (birthOfChild < last) add('parent_of_young_children', birthOfChild);
    } else if (age >= 22 && age <= 45 && rng.chance(0.06)) {
      add('parent_of_young_children', spell.start, spell.start + rng.between(365, 2000));
    }
  }
  return plans;
}
