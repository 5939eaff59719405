/**
 * The names of the figure definitions and a one-line summary of each, for the UI to show
 * beside a figure. Each name is a section of docs/methodology.md, which defines it in full.
 * Browser-safe: no Node imports.
 */
export const DEFINITIONS = {
  in_custody:
    'Persons whose last custody event on or before the date is a detention, arrest, sentence, transfer or re-arrest.',
  releases:
    'Release events (not persons) by calendar year or month of the release date and by release type.',
  early_releases:
    'Release events of an early-release type (pardon, amnesty, exchange, deportation, diplomatic efforts, parole or replacement of punishment) in the date window.',
  rearrests:
    'Persons with a re-arrest, detention or arrest dated after one of their release events.',
  early_release_share:
    'Persons released early since the date, divided by persons convicted on political grounds since the date; computed on certain counts, with bounds.',
  convicted_since:
    'Persons with a criminal verdict, or a sentence custody event, dated on or after the date.',
  at_risk:
    'Persons in custody on the date with at least one active risk category (distinct persons; categories overlap).',
  at_risk_category:
    'Persons in custody on the date with an active assignment of this risk category.',
  at_risk_over_60:
    'Persons in custody on the date who are 60 or older on that date, from their birth date.',
  procedural_stage:
    'Persons in custody on the date are convicted when a criminal verdict or a sentence custody event of theirs is dated on or before the date and after their last release on or before it; the others are pre-trial (an administrative case is not a conviction).',
  breakdown:
    'The persons of the base figure by one attribute; persons with several values (citizenships, articles) count under each.',
  custody_series: 'Persons in custody at the end of each month or year (as of its last day).',
} as const;

export type DefinitionKey = keyof typeof DEFINITIONS;
export const DEFINITION_KEYS = Object.keys(DEFINITIONS) as [DefinitionKey, ...DefinitionKey[]];

/**
 * Release types counted as early releases: the person left before the end of the sentence, by
 * a decision of the authorities. Not `sentence_served`, `acquittal` or `other`.
 */
export const EARLY_RELEASE_TYPES: readonly string[] = [
  'pardon',
  'amnesty',
  'exchange',
  'deportation',
  'diplomatic_efforts',
  'parole_or_replacement',
];

/** The risk category derived from the birth date as of the report date. */
export const OVER_60 = 'over_60';

export const AGE_BANDS = ['under_30', '30_44', '45_59', '60_plus'] as const;
export type AgeBand = (typeof AGE_BANDS)[number];

/**
 * The procedural stages of a person in custody on a date, in display order. The rule that
 * places a person in one is `convictionState` in core/stats/stage.ts, written out in
 * docs/methodology.md ("Procedural stage").
 */
export const STAGES = ['pretrial', 'convicted'] as const;
export type Stage = (typeof STAGES)[number];
