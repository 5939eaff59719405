import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { THESAURI, type ThesaurusName } from '../../core/api/records';
import {
  MIN_SCORE,
  suggestTerms,
  thesaurusCandidates,
  type Candidate,
} from '../../core/import/suggest';
import { SEED_TERMS } from '../../core/model/thesaurusSeed';
import { TERM_VARIANTS } from '../../core/model/termVariants';
import { useCores } from './import-core';

const newCore = useCores();

/** Facilities start empty in a new vault: these stand for the ones a user would add. */
const FACILITIES = [
  ['ik-1', 'Penal colony No. 1, Novopolotsk', 'ПК № 1, Наваполацк', 'ИК № 1, Новополоцк'],
  ['ik-15', 'Penal colony No. 15, Mogilev', 'ПК-15, Магілёў', 'ИК-15, Могилёв'],
  ['ik-17', 'Penal colony No. 17, Shklov', 'ПК-17, Шклоў', 'ИК-17, Шклов'],
  ['sizo-1', 'Pre-trial detention centre No. 1, Minsk', 'СІЗА № 1, Мінск', 'СИЗО № 1, Минск'],
  ['prison-8', 'Prison No. 8, Zhodino', 'Турма № 8, Жодзіна', 'Тюрьма № 8, Жодино'],
  // A retired copy of ik-15 whose code sorts first: live terms must still come first.
  ['colony-15', 'Penal colony No. 15, Mogilev', 'ПК-15, Магілёў', 'ИК-15, Могилёв', 'deprecated'],
  // A code that is also a property of every JavaScript object.
  ['constructor', 'Open-type correctional facility, Baranovichi', '', ''],
] as const;

const candidates = {} as Record<ThesaurusName, Candidate[]>;

beforeAll(async () => {
  const core = await newCore();
  for (const [code, labelEn, labelBe, labelRu, retired] of FACILITIES) {
    const fields = { thesaurus: 'facility', code, labelEn, labelBe, labelRu, address: '' };
    const term = await core.ok<{ id: string }>('createRecord', { kind: 'thesaurusTerm', fields });
    if (retired)
      await core.ok('updateRecord', {
        kind: 'thesaurusTerm',
        id: term.id,
        fields: { deprecated: true },
      });
  }
  const { db } = await core.session.readVault();
  for (const thesaurus of THESAURI) candidates[thesaurus] = thesaurusCandidates(db, thesaurus);
});

function first(thesaurus: ThesaurusName, value: string): string | undefined {
  return suggestTerms(value, candidates[thesaurus])[0]?.code;
}

/** Values as registers write them, with the term a researcher would map each to. */
const SPELLINGS: Array<[ThesaurusName, string, string]> = [
  ['region', 'Гомельская вобл.', 'gomel'],
  ['region', 'Гомельская обл.', 'gomel'],
  ['region', 'Homieĺskaja voblasć', 'gomel'],
  ['region', 'Gomel oblast', 'gomel'],
  ['region', 'г. Гомель', 'gomel'],
  ['region', 'Гомелськая', 'gomel'],
  ['region', 'Гомеьская обл', 'gomel'],
  ['region', 'Mahilioŭ region', 'mogilev'],
  ['region', 'Могилевская обл.', 'mogilev'],
  ['region', 'Магілёўская вобл.', 'mogilev'],
  ['region', 'Mogilyovskaya oblast', 'mogilev'],
  ['region', 'Могилевская облать', 'mogilev'],
  ['region', 'Минская обл.', 'minsk_region'],
  ['region', 'Minsk oblast', 'minsk_region'],
  ['region', 'Minskaja voblasć', 'minsk_region'],
  ['region', 'Минский р-н', 'minsk_region'],
  ['region', 'Minsk', 'minsk_city'],
  ['region', 'г. Минск', 'minsk_city'],
  ['region', 'MINSK CITY', 'minsk_city'],
  ['region', 'Брестская обл', 'brest'],
  ['region', 'Bresckaja voblasć', 'brest'],
  ['region', 'Брест', 'brest'],
  ['region', 'Віцебская вобл.', 'vitebsk'],
  ['region', 'Vitsyebskaya voblasts’', 'vitebsk'],
  ['region', 'Витебская облость', 'vitebsk'],
  ['region', 'Hrodna', 'grodno'],
  ['region', 'Гродненская обл.', 'grodno'],
  ['region', 'Гродзенская вобл', 'grodno'],
  ['region', 'Pinsk', 'brest'],
  ['region', 'г. Бобруйск', 'mogilev'],
  ['region', 'Mozyr', 'gomel'],
  ['region', 'за границей', 'abroad'],
  ['region', 'Abroad (Poland)', 'abroad'],
  ['release_type', 'pardoned', 'pardon'],
  ['release_type', 'Помилован', 'pardon'],
  ['release_type', 'памілаваная', 'pardon'],
  ['release_type', 'освобождена по помилованию', 'pardon'],
  ['release_type', 'amnestied', 'amnesty'],
  ['release_type', 'по амнистии', 'amnesty'],
  ['release_type', 'Amnesty 2024', 'amnesty'],
  ['release_type', 'отбыл срок', 'sentence_served'],
  ['release_type', 'по окончанию срока', 'sentence_served'],
  ['release_type', 'УДО', 'parole_or_replacement'],
  ['release_type', 'deported', 'deportation'],
  ['release_type', 'acquitted', 'acquittal'],
  ['release_type', 'exchanged', 'exchange'],
  ['risk_category', 'disabled', 'disability'],
  ['risk_category', 'инвалид', 'disability'],
  ['risk_category', 'Інвалід', 'disability'],
  ['risk_category', 'инвалид 2 группы', 'disability'],
  ['risk_category', 'беременна', 'pregnant'],
  ['risk_category', 'многодетная мать', 'parent_of_young_children'],
  ['risk_category', 'тяжелобольной', 'serious_health'],
  ['risk_category', 'over 60', 'over_60'],
  ['risk_category', 'пенсионер', 'over_60'],
  ['article', 'ст. 342 УК', 'cc-342'],
  ['article', 'ч. 2 ст. 361-1 УК РБ', 'cc-361-1'],
  ['article', '361.1', 'cc-361-1'],
  ['article', 'КоАП 24.23', 'ac-24.23'],
  ['article', 'ст. 19.11 КоАП', 'ac-19.11'],
  ['article', 'оскорбление президента', 'cc-368'],
  ['sentence_type', 'условно', 'suspended'],
  ['sentence_type', 'лишение свободы условно', 'suspended'],
  ['sentence_type', 'химия', 'restricted_freedom'],
  ['sentence_type', 'штраф 50 базовых', 'fine'],
  ['sentence_type', 'исправработы', 'correctional_labour'],
  ['detention_type', 'СИЗО', 'pre_trial_detention'],
  ['detention_type', 'сутки', 'administrative_arrest'],
  ['detention_type', 'под домашним арестом', 'house_arrest'],
  ['detention_type', 'ЦИП Окрестина', 'police_custody'],
  ['facility', 'ИК-15', 'ik-15'],
  ['facility', 'ПК-15', 'ik-15'],
  ['facility', 'IK15', 'ik-15'],
  ['facility', 'колония № 15', 'ik-15'],
  ['facility', 'исправительная колония 15, г. Могилев', 'ik-15'],
  ['facility', 'ИК-1', 'ik-1'],
  ['facility', 'СИЗО-1', 'sizo-1'],
  ['facility', 'SIZO 1 Minsk', 'sizo-1'],
  ['facility', 'тюрьма 8', 'prison-8'],
  ['facility', 'Жодино', 'prison-8'],
  ['facility', 'Baranovichi', 'constructor'],
];

describe('value suggestions', () => {
  it.each(SPELLINGS)('%s: "%s" suggests %s first', (thesaurus, value, code) => {
    expect(first(thesaurus, value)).toBe(code);
  });

  it('suggests nothing for a word that means no term', () => {
    for (const value of ['tractor', 'banana', 'qwerty', 'Лукошко', 'xyz 123', 'вобласць', '—'])
      for (const thesaurus of THESAURI)
        expect(suggestTerms(value, candidates[thesaurus]), `${thesaurus}: ${value}`).toEqual([]);
  });

  it('tells Minsk the city from Minsk the region', () => {
    expect(suggestTerms('Minsk', candidates.region).map((s) => s.code)).toEqual([
      'minsk_city',
      'minsk_region',
    ]);
    expect(suggestTerms('Minsk region', candidates.region).map((s) => s.code)).toEqual([
      'minsk_region',
      'minsk_city',
    ]);
  });

  it('does not take one facility number for another', () => {
    const codes = suggestTerms('ИК-15', candidates.facility).map((s) => s.code);
    expect(codes).toEqual(['ik-15', 'colony-15']);
    expect(first('facility', 'СИЗО')).toBeUndefined();
  });

  it('ranks a deprecated term below a live one with the same labels', () => {
    const [live, retired] = suggestTerms('ПК-15, Магілёў', candidates.facility);
    expect(live).toEqual({ code: 'ik-15', score: 1 });
    expect(retired).toEqual({ code: 'colony-15', score: 1 });
  });

  it('ranks the same text above the same keys above a shared stem above a near spelling', () => {
    const gomel = (value: string) =>
      suggestTerms(value, candidates.region).find((s) => s.code === 'gomel')?.score ?? 0;
    const scores = ['Гомель', 'Homel', 'Гомельщина', 'Гомле'].map(gomel);
    expect(scores[0]).toBe(1);
    for (let i = 1; i < scores.length; i++) expect(scores[i]).toBeLessThan(scores[i - 1]!);
    expect(scores[3]).toBeGreaterThanOrEqual(MIN_SCORE);
  });

  it('returns at most the limit, best first, every score between the threshold and 1', () => {
    const all = suggestTerms('колония', candidates.facility, 100);
    expect(suggestTerms('колония', candidates.facility, 2)).toEqual(all.slice(0, 2));
    for (const { score } of all) expect(score).toBeGreaterThanOrEqual(MIN_SCORE);
    expect(all.map((s) => s.score)).toEqual(
      all
        .map((s) => s.score)
        .sort()
        .reverse(),
    );
    expect(suggestTerms('Гомель', candidates.region, 0)).toEqual([]);
  });

  it('works for a fixed list given as candidates', () => {
    const sexes: Candidate[] = [
      { code: 'female', labels: ['female', 'woman', 'ж', 'жен', 'жаночы'], deprecated: false },
      { code: 'male', labels: ['male', 'man', 'м', 'муж', 'мужчынскі'], deprecated: false },
    ];
    expect(suggestTerms('Жен.', sexes)[0]?.code).toBe('female');
    expect(suggestTerms('женщина', sexes)[0]?.code).toBe('female');
    expect(suggestTerms('Мужской', sexes)[0]?.code).toBe('male');
  });
});

/** Every label of a seed term and every known variant, with the term it names. */
const NAMES: Array<[ThesaurusName, string, string]> = THESAURI.flatMap((thesaurus) => [
  ...SEED_TERMS[thesaurus].flatMap(([code, ...labels]) =>
    labels.map((label): [ThesaurusName, string, string] => [thesaurus, label, code]),
  ),
  ...Object.entries(TERM_VARIANTS[thesaurus] ?? {}).flatMap(([code, variants]) =>
    variants.map((variant): [ThesaurusName, string, string] => [thesaurus, variant, code]),
  ),
]);

describe('labels and variants', () => {
  it('are each the first suggestion for their own term, and no other term matches them exactly', () => {
    for (const [thesaurus, name, code] of NAMES) {
      const [top, next] = suggestTerms(name, candidates[thesaurus]);
      expect(top, `${thesaurus}: ${name}`).toEqual({ code, score: 1 });
      expect(next?.score ?? 0, `${thesaurus}: ${name}`).toBeLessThan(1);
    }
  });

  it('belong to terms of the seed', () => {
    for (const thesaurus of THESAURI)
      for (const code of Object.keys(TERM_VARIANTS[thesaurus] ?? {}))
        expect(SEED_TERMS[thesaurus].map(([seed]) => seed)).toContain(code);
  });
});

const LETTERS = [
  ...'абвгдеёжзийклмнопрстуфхцчшщъыьэюяіўabcdefghijklmnopqrstuvwxyzŭćžłšč0123456789 -.',
];
const EDGES = [...' .,;:!?()«»"-–/\t'];

/** The value as someone else might have typed it: other case, stray spaces and punctuation. */
const retyped = (value: string) =>
  fc
    .tuple(
      fc.array(fc.boolean(), { minLength: value.length, maxLength: value.length }),
      fc.string({ unit: fc.constantFrom(...EDGES), maxLength: 3 }),
      fc.string({ unit: fc.constantFrom(...EDGES), maxLength: 3 }),
    )
    .map(([upper, before, after]) => {
      const cased = [...value].map((c, i) => (upper[i] ? c.toUpperCase() : c.toLowerCase()));
      return before + cased.join('') + after;
    });

describe('suggestion properties', () => {
  it('do not change with case or surrounding spaces and punctuation', () => {
    const value = fc.oneof(
      fc.constantFrom(...NAMES.map(([, name]) => name)),
      fc.string({ unit: fc.constantFrom(...LETTERS), minLength: 1, maxLength: 20 }),
    );
    fc.assert(
      fc.property(
        fc.constantFrom(...THESAURI),
        value.chain((v) => fc.tuple(fc.constant(v), retyped(v))),
        (thesaurus, [original, typed]) => {
          expect(suggestTerms(typed, candidates[thesaurus])).toEqual(
            suggestTerms(original, candidates[thesaurus]),
          );
        },
      ),
    );
  });

  it('rank a seed term first for its exact label, however it is cased or punctuated', () => {
    const label = fc.constantFrom(
      ...THESAURI.flatMap((thesaurus) =>
        SEED_TERMS[thesaurus].flatMap(([code, ...labels]) =>
          labels.map((name) => ({ thesaurus, code, name })),
        ),
      ),
    );
    fc.assert(
      fc.property(
        label.chain((l) => fc.tuple(fc.constant(l), retyped(l.name))),
        ([{ thesaurus, code }, typed]) => {
          expect(suggestTerms(typed, candidates[thesaurus])[0]?.code).toBe(code);
        },
      ),
    );
  });
});
