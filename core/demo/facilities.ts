import type { Fields } from './types';

/**
 * Invented places of detention. The seeded `facility` thesaurus is empty (real addresses must
 * come from the user's sources), so demo data brings its own terms: every name says it is
 * invented and every address is marked as not real, so no one writes a letter to it.
 */

export type FacilityKind =
  | 'temporary'
  | 'remand'
  | 'colony'
  | 'women_colony'
  | 'prison'
  | 'open'
  | 'hospital'
  | 'psychiatric';

interface Facility {
  code: string;
  kind: FacilityKind;
  en: string;
  be: string;
  ru: string;
  town: string;
  postcode: string;
}

/** A facility's name in three languages: [en, be, ru] before the number. */
const KIND_NAMES: Record<FacilityKind, readonly [string, string, string]> = {
  temporary: [
    'Temporary detention centre',
    'Ізалятар часовага ўтрымання',
    'Изолятор временного содержания',
  ],
  remand: ['Remand prison', 'Следчы ізалятар', 'Следственный изолятор'],
  colony: ['Penal colony', 'Папраўчая калонія', 'Исправительная колония'],
  women_colony: [
    'Women’s penal colony',
    'Жаночая папраўчая калонія',
    'Женская исправительная колония',
  ],
  prison: ['Prison', 'Турма', 'Тюрьма'],
  open: [
    'Open correctional institution',
    'Папраўчая ўстанова адкрытага тыпу',
    'Исправительное учреждение открытого типа',
  ],
  hospital: ['Prison hospital', 'Турэмная бальніца', 'Тюремная больница'],
  psychiatric: ['Psychiatric hospital', 'Псіхіятрычная лякарня', 'Психиатрическая больница'],
};

const PLACES: readonly (readonly [FacilityKind, number, string, string])[] = [
  ['temporary', 2, 'Zalessk', '000102'],
  ['remand', 1, 'Zalessk', '000101'],
  ['remand', 3, 'Krynichna', '000103'],
  ['remand', 7, 'Verasovka', '000107'],
  ['colony', 5, 'Lebiazhsk', '000205'],
  ['colony', 11, 'Pasechna', '000211'],
  ['colony', 17, 'Krynichna', '000217'],
  ['colony', 22, 'Baravichy-Novyia', '000222'],
  ['women_colony', 4, 'Miadzvedka', '000204'],
  ['prison', 9, 'Staryia Vyshki', '000309'],
  ['open', 41, 'Lebiazhsk', '000441'],
  ['hospital', 12, 'Verasovka', '000512'],
  ['psychiatric', 6, 'Pasechna', '000606'],
];

export const DEMO_FACILITIES: readonly Facility[] = PLACES.map(([kind, number, town, postcode]) => {
  const [en, be, ru] = KIND_NAMES[kind];
  return {
    code: `demo-${kind.replace('_', '-')}-${number}`,
    kind,
    en: `${en} No. ${number} (invented)`,
    be: `${be} № ${number} (выдуманая назва)`,
    ru: `${ru} № ${number} (вымышленное название)`,
    town,
    postcode,
  };
});

export function facilitiesOf(kind: FacilityKind): readonly Facility[] {
  return DEMO_FACILITIES.filter((facility) => facility.kind === kind);
}

/** The thesaurus terms to create before any demo case refers to them. */
export function facilityTerms(): Fields<'thesaurusTerm'>[] {
  return DEMO_FACILITIES.map((facility, i) => ({
    thesaurus: 'facility',
    code: facility.code,
    labelEn: facility.en,
    labelBe: facility.be,
    labelRu: facility.ru,
    address:
      `INVENTED ADDRESS, NOT REAL: ${facility.en}, ${i + 1} Demo Street, ` +
      `${facility.town} (invented town) ${facility.postcode}, Belarus`,
    deprecated: false,
    sort: i,
  }));
}
