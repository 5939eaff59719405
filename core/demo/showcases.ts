import type { Sex } from './names';
import type { FixedSpell } from './timeline';

/**
 * The first persons of every set are fixed so that even a small set has each case a figure
 * must get right (issue 6): a release then a re-arrest, releases known only by year or month,
 * on 31 December and on 1 January, someone who turns 60 between two report dates, a person in
 * two risk categories at once, and the exchange and diplomatic releases of the article.
 */
export interface Showcase {
  spell: FixedSpell;
  birth?: string;
  sex?: Sex;
  citizenship?: string[];
  risks?: { category: string; start: string; end?: string }[];
}

export const SHOWCASES: readonly Showcase[] = [
  {
    spell: {
      start: '2021-06-10',
      months: 48,
      release: { type: 'amnesty', date: '2023-03-15' },
      rearrest: '2023-11-20',
    },
  },
  {
    spell: {
      start: '2020-09-01',
      months: 20,
      release: { type: 'sentence_served', date: '2022-05-01', precision: 'year' },
    },
  },
  {
    spell: {
      start: '2019-12-31',
      months: 36,
      release: { type: 'sentence_served', date: '2022-12-31' },
    },
  },
  {
    spell: {
      start: '2020-07-01',
      months: 30,
      release: { type: 'sentence_served', date: '2023-01-01' },
    },
  },
  { spell: { start: '2022-03-01', months: 72 }, birth: '1963-11-20' },
  {
    spell: { start: '2021-08-15', months: 96 },
    risks: [
      { category: 'disability', start: '2021-08-20' },
      { category: 'serious_health', start: '2022-01-10' },
      { category: 'denied_medical_care', start: '2023-02-01', end: '2023-08-01' },
    ],
  },
  {
    spell: {
      start: '2020-11-10',
      months: 60,
      release: { type: 'parole_or_replacement', date: '2023-06-20', precision: 'month' },
    },
  },
  {
    spell: { start: '2022-04-05', months: 84, release: { type: 'exchange', date: '2024-06-25' } },
    citizenship: ['UA'],
  },
  {
    spell: {
      start: '2021-10-12',
      months: 36,
      release: { type: 'diplomatic_efforts', date: '2022-09-14' },
    },
    sex: 'female',
    citizenship: ['CH', 'BY'],
  },
];
