import i18next, { type TFunction } from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import { ValueMap, type ImportPreview, type UnknownValue } from '../../core/api/import';
import { type ImportResult } from '../../core/api/importRuns';
import en from '../../resources/locales/en/translation.json';
import { candidateLabels } from '../../renderer/src/import/candidates';
import {
  ambiguousLinksOf,
  duplicateRowsOf,
  FIRST_DECISIONS,
  keptRows,
  sameDecisions,
  withDuplicateRow,
  withLink,
} from '../../renderer/src/import/decisions';
import { fixedCodes, fixedLabel } from '../../renderer/src/import/fixedLists';
import { mappingNeeds } from '../../renderer/src/import/mapping';
import { resultSentence } from '../../renderer/src/import/result';
import {
  invalidSchemeColumns,
  schemesForCore,
  schemesSeen,
  schemeText,
} from '../../renderer/src/import/schemes';
import {
  choiceOf,
  choiceOfOption,
  chosenCount,
  incompleteValues,
  optionOf,
  valuesForCore,
  withChoice,
  withFirstSuggestions,
} from '../../renderer/src/import/values';

let t: TFunction;

beforeAll(async () => {
  const instance = i18next.createInstance();
  await instance.init({
    lng: 'en',
    resources: { en: { translation: en } },
    interpolation: { escapeValue: false },
  });
  t = instance.t;
});

function suggestion(code: string, labelEn: string, deprecated = false) {
  return { code, labelEn, labelBe: '', labelRu: '', deprecated };
}

function unknown(value: string, rest: Partial<UnknownValue> = {}): UnknownValue {
  return {
    target: 'region',
    column: 'Вобласць',
    thesaurus: 'region',
    value,
    rows: 1,
    suggestions: [],
    choice: null,
    ...rest,
  };
}

const GOMEL = unknown('Гомельская вобл.', {
  rows: 4,
  suggestions: [suggestion('gomel', 'Gomel region')],
});
const MOGILEV = unknown('Mahilioŭ region', {
  rows: 2,
  suggestions: [
    suggestion('mogilev', 'Mogilev region'),
    suggestion('minsk_region', 'Minsk region'),
  ],
});
const NOWHERE = unknown('Narnia');

describe('the value step', () => {
  it('builds the value map the core reads from the choices made row by row', () => {
    let values: ValueMap = {};
    values = withChoice(values, GOMEL, { action: 'map', code: 'gomel' });
    values = withChoice(values, MOGILEV, { action: 'map', code: 'mogilev' });
    values = withChoice(values, NOWHERE, { action: 'omit' });
    const sent = valuesForCore(values);
    expect(sent).toEqual({
      region: {
        'Гомельская вобл.': { action: 'map', code: 'gomel' },
        'Mahilioŭ region': { action: 'map', code: 'mogilev' },
        Narnia: { action: 'omit' },
      },
    });
    expect(ValueMap.safeParse(sent).success).toBe(true);
    expect(chosenCount(values, [GOMEL, MOGILEV, NOWHERE])).toBe(3);
  });

  it('reads a saved choice whatever its case and spacing, and replaces it rather than adding a second', () => {
    const saved: ValueMap = {
      region: { '  гомельская   ВОБЛ. ': { action: 'map', code: 'brest' } },
    };
    expect(choiceOf(saved, GOMEL)).toEqual({ action: 'map', code: 'brest' });
    const changed = withChoice(saved, GOMEL, { action: 'map', code: 'gomel' });
    expect(changed).toEqual({ region: { 'Гомельская вобл.': { action: 'map', code: 'gomel' } } });
  });

  it('gives a value back to "not chosen" and drops a target left without choices', () => {
    const values = withChoice({}, GOMEL, { action: 'omit' });
    const cleared = withChoice(values, GOMEL, null);
    expect(cleared).toEqual({});
    expect(choiceOf(cleared, GOMEL)).toBeNull();
  });

  it('keeps a target of one column apart from the same spelling in another target', () => {
    const release = unknown('pardoned', { target: 'releaseType', thesaurus: 'release_type' });
    const risk = unknown('pardoned', { target: 'riskCategories', thesaurus: 'risk_category' });
    const values = withChoice(withChoice({}, release, { action: 'map', code: 'pardon' }), risk, {
      action: 'omit',
    });
    expect(choiceOf(values, release)).toEqual({ action: 'map', code: 'pardon' });
    expect(choiceOf(values, risk)).toEqual({ action: 'omit' });
  });

  it('sends a new term only once it has an English label, with its labels trimmed', () => {
    const disabled = unknown('інвалід', { target: 'category', thesaurus: 'risk_category' });
    const draft = withChoice({}, disabled, {
      action: 'create',
      labelEn: '  ',
      labelBe: 'інвалід',
      labelRu: '',
    });
    expect(incompleteValues(draft, [disabled, GOMEL])).toEqual([disabled]);
    expect(valuesForCore(draft)).toEqual({});
    const done = withChoice(draft, disabled, {
      action: 'create',
      labelEn: ' Disability ',
      labelBe: ' інвалід ',
      labelRu: '',
    });
    expect(incompleteValues(done, [disabled])).toEqual([]);
    expect(valuesForCore(done)).toEqual({
      category: {
        інвалід: { action: 'create', labelEn: 'Disability', labelBe: 'інвалід', labelRu: '' },
      },
    });
  });

  it('takes the first suggestion only for values not chosen yet and that have one', () => {
    const start = withChoice({}, MOGILEV, { action: 'map', code: 'minsk_region' });
    const next = withFirstSuggestions(start, [GOMEL, MOGILEV, NOWHERE]);
    expect(choiceOf(next, GOMEL)).toEqual({ action: 'map', code: 'gomel' });
    expect(choiceOf(next, MOGILEV)).toEqual({ action: 'map', code: 'minsk_region' });
    expect(choiceOf(next, NOWHERE)).toBeNull();
  });

  it('turns the select back into the choice it shows, keeping labels typed for a new term', () => {
    const typed = { action: 'create', labelEn: 'Disability', labelBe: '', labelRu: '' } as const;
    for (const choice of [
      null,
      { action: 'omit' } as const,
      { action: 'map', code: 'gomel' } as const,
    ]) {
      expect(choiceOfOption(optionOf(choice), null)).toEqual(choice);
    }
    expect(choiceOfOption('create', typed)).toBe(typed);
    expect(choiceOfOption('create', { action: 'omit' })).toEqual({
      action: 'create',
      labelEn: '',
      labelBe: '',
      labelRu: '',
    });
  });

  it('offers the fixed codes of sex and event type, a risk row among them, in words', () => {
    expect(fixedCodes('type')).toContain('risk');
    expect(fixedCodes('type')).toContain('release');
    expect(fixedCodes('sex')).toEqual(['female', 'male', 'other']);
    expect(fixedCodes('region')).toEqual([]);
    expect(fixedLabel(t, 'type', 'risk')).toBe('Risk category');
    expect(fixedLabel(t, 'type', 'death_in_custody')).toBe('Death in custody');
    expect(fixedLabel(t, 'kind', 'administrative')).toBe('Administrative case');
    expect(fixedLabel(t, 'sex', 'nonsense')).toBe('nonsense');
  });
});

describe('id schemes in the mapping step', () => {
  const mapping = {
    'List no.': 'externalId',
    'Court register': 'externalId',
    Name: 'name',
  } as const;

  it('sends a scheme for each id column: the default when untouched, what was typed otherwise', () => {
    expect(schemeText({}, 'List no.')).toBe('list');
    expect(schemesForCore(mapping, { 'Court register': ' court ', Name: 'ignored' })).toEqual({
      'List no.': 'list',
      'Court register': 'court',
    });
    expect(schemesForCore(mapping, { 'List no.': '   ' })).toEqual({ 'Court register': 'list' });
  });

  it('flags a scheme that cannot be one, and offers those seen with the default', () => {
    expect(invalidSchemeColumns(mapping, { 'Court register': 'court:2021' })).toEqual([
      'Court register',
    ]);
    expect(invalidSchemeColumns(mapping, { 'List no.': '' })).toEqual([]);
    expect(schemesSeen({ a: 'spring', b: 'list', c: 'bad:one' }, { d: 'court' })).toEqual([
      'court',
      'list',
      'spring',
    ]);
  });

  it('lets several columns hold ids and a linked table name its person by external id', () => {
    expect(mappingNeeds('persons', mapping)).toEqual([]);
    expect(mappingNeeds('proceedings', { 'List no.': 'personExternalId' })).toEqual([]);
    expect(mappingNeeds('statuses', { Date: 'date' })).toEqual(['person']);
    expect(mappingNeeds('persons', { A: 'name', B: 'name' })).toEqual(['twice']);
  });
});

function previewWith(problems: ImportPreview['problems']): ImportPreview {
  return {
    format: 'csv',
    encoding: 'utf-8',
    delimiter: ',',
    columns: [],
    renamedColumns: [],
    suggestedMapping: {},
    mapping: {},
    missingColumns: [],
    unmappedRequired: [],
    sample: [],
    rows: 10,
    validRows: 10,
    invalidRows: 0,
    rowsWithWarnings: 0,
    problems,
    problemCounts: {},
    problemsTruncated: false,
    unknownValues: [],
    plan: { new: 0, changed: 0, unchanged: 0, duplicates: 0 },
  };
}

const PERSON_A = '0a1b2c3d'.repeat(4);
const PERSON_B = '9f8e7d6c'.repeat(4);

describe('the dry run questions', () => {
  const problem = { column: null, severity: 'warning', message: '' } as const;
  const preview = previewWith([
    { ...problem, row: 7, code: 'DUPLICATE_IN_VAULT', value: 'Ганна Іванаўна', personId: PERSON_A },
    { ...problem, row: 3, code: 'DUPLICATE_IN_VAULT', value: 'Алесь Мароз', personId: PERSON_B },
    { ...problem, row: 3, code: 'DEPRECATED_VALUE', value: 'x' },
    { ...problem, row: 9, code: 'DUPLICATE_IN_VAULT', value: 'event' },
    {
      ...problem,
      severity: 'error',
      row: 5,
      code: 'PERSON_AMBIGUOUS',
      value: 'Алесь Мароз',
      candidates: [
        { id: PERSON_A, name: 'Алесь Мароз', birthDate: '1980-02-01' },
        { id: PERSON_B, name: 'Алесь Мароз', birthDate: null },
      ],
    },
  ]);

  it('lists the likely duplicates and the ambiguous links row by row, in row order', () => {
    expect(duplicateRowsOf(preview).map((row) => [row.row, row.personId])).toEqual([
      [3, PERSON_B],
      [7, PERSON_A],
    ]);
    const links = ambiguousLinksOf(preview);
    expect(links.map((link) => link.row)).toEqual([5]);
    expect(links[0]?.candidates.map((candidate) => candidate.id)).toEqual([PERSON_A, PERSON_B]);
  });

  it('keeps a row answered before after the new dry run no longer asks about it', () => {
    let decisions = withLink(FIRST_DECISIONS, 5, PERSON_B);
    const before = ambiguousLinksOf(preview);
    const after = ambiguousLinksOf(previewWith([]));
    expect(keptRows(before, after, decisions.links).map((link) => link.row)).toEqual([5]);
    decisions = withLink(decisions, 5, null);
    expect(keptRows(before, after, decisions.links)).toEqual([]);
  });

  it('tells namesakes born the same day apart by their list numbers, else by the start of their Vigil id', () => {
    const twins = [
      { id: PERSON_A, name: 'Пётр Сом', birthDate: '1970-01-01' },
      { id: PERSON_B, name: 'Пётр Сом', birthDate: '1970-01-01' },
    ];
    const known = new Map([
      [PERSON_A, { externalIds: ['list:105'], region: 'Gomel region' }],
      [PERSON_B, { externalIds: [], region: 'Gomel region' }],
    ]);
    expect(candidateLabels(t, twins, known).map((option) => option.label)).toEqual([
      'Пётр Сом, born 1 Jan 1970; list: 105',
      'Пётр Сом, born 1 Jan 1970; Gomel region',
    ]);
    expect(candidateLabels(t, twins, new Map()).map((option) => option.label)).toEqual([
      `Пётр Сом, born 1 Jan 1970 (Vigil ID ${PERSON_A.slice(0, 8)}…)`,
      `Пётр Сом, born 1 Jan 1970 (Vigil ID ${PERSON_B.slice(0, 8)}…)`,
    ]);
    const apart = [
      { id: PERSON_A, name: 'Алесь Мароз', birthDate: null },
      { id: PERSON_B, name: 'Алесь Мароз', birthDate: '1980-02' },
    ];
    expect(candidateLabels(t, apart, new Map()).map((option) => option.label)).toEqual([
      'Алесь Мароз, birth date not recorded',
      'Алесь Мароз, born Feb 1980',
    ]);
  });

  it("records a row's own choice, gives it back to the choice for all, and sees a change", () => {
    const merged = withDuplicateRow(FIRST_DECISIONS, 7, 'merge');
    expect(merged).toEqual({ duplicates: 'skip', duplicateRows: { '7': 'merge' }, links: {} });
    expect(sameDecisions(merged, FIRST_DECISIONS)).toBe(false);
    expect(sameDecisions(withDuplicateRow(merged, 7, null), FIRST_DECISIONS)).toBe(true);
    expect(sameDecisions({ ...FIRST_DECISIONS, duplicates: 'add' }, FIRST_DECISIONS)).toBe(false);
  });
});

function result(counts: Partial<ImportResult>): ImportResult {
  return {
    runId: 'c'.repeat(32),
    imported: 0,
    personsUpdated: 0,
    unchanged: 0,
    termsCreated: 0,
    skipped: 0,
    personsCreated: 0,
    eventsCreated: 0,
    proceedingsCreated: 0,
    statusesCreated: 0,
    cancelled: false,
    ...counts,
  };
}

describe('the result message', () => {
  it('says what the import created and changed, leaving out what it did not do', () => {
    expect(
      resultSentence(
        t,
        result({
          imported: 12,
          personsCreated: 9,
          personsUpdated: 2,
          unchanged: 1,
          termsCreated: 1,
          skipped: 3,
        }),
        'en',
      ),
    ).toBe(
      'Imported 12 rows: 9 people, 2 people updated, 1 already up to date, 1 new thesaurus term. Skipped 3.',
    );
    expect(
      resultSentence(t, result({ imported: 4, proceedingsCreated: 3, statusesCreated: 1 }), 'en'),
    ).toBe('Imported 4 rows: 3 court cases, 1 status entry. Skipped 0.');
  });

  it('says how far a cancelled import got', () => {
    const sentence = resultSentence(
      t,
      result({ imported: 1000, personsCreated: 1000, skipped: 0, cancelled: true }),
      'en',
    );
    expect(sentence).toBe(
      'Imported 1,000 rows: 1,000 people. Skipped 0. The import was cancelled: the rows above were imported, the rest of the file was not. Undo this import to take those rows back too, or import the file again.',
    );
    expect(resultSentence(t, result({}), 'en')).toBe('Imported 0 rows. Skipped 0.');
  });
});
