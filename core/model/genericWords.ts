/**
 * The words around a name in a coded value: what kind of place or facility it is ("Гомельская
 * вобл.", "ИК-15", "г. Минск") and markers such as "ст." or "№". They say little about which term
 * a value means, so value suggestions (core/import/suggest.ts) give them little or no weight.
 * Each entry is one word or a phrase; spellings that reduce to the same search key need not all
 * be listed, but abbreviations must be, since they reduce to keys of their own.
 */

/**
 * Kinds of place and facility. Two values of the same kind agree a little more, so "Minsk region"
 * leans to the region and "г. Минск" to the city, but a kind alone never makes a match.
 */
export const KIND_WORDS = {
  region: [
    'region',
    'oblast',
    'obl',
    'voblast',
    'voblasts',
    'voblasć',
    'vobl',
    'province',
    'область',
    'обл',
    'вобласць',
    'вобл',
    'регион',
    'рэгіён',
  ],
  district: ['district', 'raion', 'rayon', 'rajon', 'район', 'раён', 'р-н'],
  city: ['city', 'town', 'horad', 'gorod', 'г', 'гор', 'город', 'горад'],
  village: [
    'village',
    'деревня',
    'вёска',
    'посёлок',
    'пасёлак',
    'аг',
    'агрогородок',
    'аграгарадок',
  ],
  colony: [
    'colony',
    'penal colony',
    'correctional colony',
    'IK',
    'PK',
    'kalonija',
    'kolonia',
    'ИК',
    'ПК',
    'колония',
    'калонія',
    'исправительная колония',
    'папраўчая калонія',
  ],
  remand: [
    'SIZO',
    'SIZA',
    'remand centre',
    'remand center',
    'remand prison',
    'pre-trial detention centre',
    'pre-trial detention center',
    'СИЗО',
    'СІЗА',
    'следственный изолятор',
    'следчы ізалятар',
  ],
  shortTerm: [
    'temporary detention centre',
    'temporary detention center',
    'detention centre',
    'detention center',
    'TsIP',
    'IVS',
    'ЦИП',
    'ЦІП',
    'ИВС',
    'ІЧУ',
    'центр изоляции правонарушителей',
    'цэнтр ізаляцыі правапарушальнікаў',
    'изолятор временного содержания',
    'ізалятар часовага ўтрымання',
  ],
  prison: ['prison', 'jail', 'tiurma', 'tyurma', 'turma', 'тюрьма', 'турма'],
  criminalCode: [
    'CC',
    'UK',
    'KK',
    'criminal code',
    'УК',
    'КК',
    'уголовный кодекс',
    'крымінальны кодэкс',
  ],
  administrativeCode: [
    'AC',
    'KoAP',
    'KaAP',
    'administrative code',
    'code of administrative offences',
    'КоАП',
    'КаАП',
  ],
} as const;

export type KindOfPlace = keyof typeof KIND_WORDS;

/** Markers that say nothing about the term: article and number signs, the country, "group". */
export const FILLER_WORDS: readonly string[] = [
  'article',
  'art',
  'st',
  'ст',
  'статья',
  'артыкул',
  'no',
  'nr',
  'number',
  'номер',
  'нумар',
  'RB',
  'РБ',
  'group',
  'гр',
  'группа',
  'група',
];

/** "ч. 2 ст. 342": a part of an article, dropped with the number that follows it. */
export const PART_WORDS: readonly string[] = ['part', 'ч', 'часть', 'частка', 'п', 'пункт'];
