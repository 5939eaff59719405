import i18next, { type TFunction } from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import { ReportLanguage } from '../../core/api/reports';
import en from '../../resources/locales/en/translation.json';
import type { FigureLabels } from '../../renderer/src/figures/labels';
import { draftOf, specOf, startSpec, type ReportDraft } from '../../renderer/src/reports/draft';
import { figureKeyLabel } from '../../renderer/src/reports/figureKeys';

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

const number = (value: number) => value.toLocaleString('en');

function checked(draft: ReportDraft) {
  const result = specOf(draft);
  if (!result.ok) throw new Error(`draft refused: ${result.errors.join(', ')}`);
  return result.spec;
}

describe('report dialog settings', () => {
  it('gives back the spec it was opened with, so opening a saved definition changes nothing', () => {
    const specs = [
      startSpec({
        template: 'figures',
        params: {
          asOf: '2024-05-06',
          releasesFrom: '2021',
          releasesTo: '2024-05',
          filters: { region: 'minsk_city', sex: 'female' },
          appendix: true,
        },
        language: 'be',
        pageSize: 'Letter',
      }),
      startSpec({
        template: 'list',
        params: {
          persons: { kind: 'ids', personIds: ['a'.repeat(32)], description: 'Pardon, 2022: 1' },
          asOf: '2024-05-06',
          columns: ['name', 'facilityAddress'],
          groupBy: 'facility',
        },
        language: 'ru',
      }),
      startSpec({
        template: 'list',
        params: { persons: { kind: 'personList', query: 'Vasil', region: 'brest' } },
      }),
      startSpec({ template: 'dossier', params: { personId: 'b'.repeat(32) } }),
    ];
    for (const spec of specs) expect(checked(draftOf(spec))).toEqual(spec);
  });

  it('makes an internal document only once "includes cases marked never publish" is ticked', () => {
    const draft = draftOf(startSpec({ template: 'dossier', params: { personId: 'c'.repeat(32) } }));
    const internal = { ...draft.options, audience: 'internal' as const };
    expect(checked({ ...draft, options: internal }).audience).toBe('publish');
    expect(
      checked({ ...draft, options: { ...internal, neverPublishConfirmed: true } }).audience,
    ).toBe('internal');
    // Opened again from a saved definition, an internal document asks for the tick anew.
    const saved = startSpec({
      template: 'dossier',
      params: { personId: 'c'.repeat(32) },
      audience: 'internal',
    });
    expect(checked(draftOf(saved)).audience).toBe('publish');
  });

  it('names the fields to correct and reads a country code in any case', () => {
    const draft = draftOf(startSpec({ template: 'figures', params: { asOf: '2024-05-06' } }));
    if (draft.template !== 'figures') throw new Error('expected a figures draft');
    const bad = specOf({
      ...draft,
      figures: { ...draft.figures, asOf: '2024-02-30', releasesFrom: '2021-13', citizenship: 'U' },
    });
    expect(bad).toEqual({ ok: false, errors: ['asOf', 'releasesFrom', 'citizenship'] });
    const spec = checked({ ...draft, figures: { ...draft.figures, citizenship: 'ua' } });
    expect(spec.template === 'figures' && spec.params.filters).toEqual({ citizenship: 'UA' });
  });

  it('names each report language in itself as CLDR does: Беларуская, Русский', () => {
    // Node's full ICU, not our strings: the name a reader of that language would look for.
    for (const language of ReportLanguage.options) {
      const own = new Intl.DisplayNames([language], { type: 'language' }).of(language) ?? '';
      const capitalised = own.charAt(0).toLocaleUpperCase(language) + own.slice(1);
      expect(t(`reports.languages.${language}`)).toBe(capitalised);
    }
  });

  it('refuses a list without columns', () => {
    const draft = draftOf(
      startSpec({ template: 'list', params: { persons: { kind: 'personList' } } }),
    );
    if (draft.template !== 'list') throw new Error('expected a list draft');
    expect(specOf({ ...draft, list: { ...draft.list, columns: [] } })).toEqual({
      ok: false,
      errors: ['columns'],
    });
  });
});

const capital = (code: string) => code.charAt(0).toUpperCase() + code.slice(1);

describe('snapshot figure keys', () => {
  // Only what figureKeyLabel reads; made in the test, once i18next has loaded.
  const labelsOf = (): FigureLabels => ({
    t,
    number,
    date: (iso: string) => iso,
    releaseType: (code: string | null) => (code === null ? 'Type not recorded' : capital(code)),
    riskCategory: capital,
    percent: String,
    breakdownKey: () => '',
    country: String,
  });

  it('words every key a figures report records, and shows an unknown key as it is', () => {
    const labels = labelsOf();
    expect(figureKeyLabel(labels, 'in_custody')).toBe('In custody');
    expect(figureKeyLabel(labels, 'at_risk.category.disability')).toBe(
      'At special risk: Disability',
    );
    expect(figureKeyLabel(labels, 'releases.2022.pardon')).toBe('Releases in 2022: Pardon');
    expect(figureKeyLabel(labels, 'releases.2022.none')).toBe(
      'Releases in 2022: Type not recorded',
    );
    expect(figureKeyLabel(labels, 'releases.type.pardon')).toBe('Releases of type Pardon');
    expect(figureKeyLabel(labels, 'early_release_share.denominator')).toBe(
      'Convicted since the start of the share',
    );
    expect(figureKeyLabel(labels, 'something.new')).toBe('something.new');
  });
});
