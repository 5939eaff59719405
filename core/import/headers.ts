import type {
  EventTarget,
  ImportMapping,
  ImportShape,
  ImportTarget,
  PersonTarget,
} from '../api/import';

/**
 * For matching headers and word-like values: case, spaces, punctuation and the letter ё do
 * not matter, so "Ф.И.О.", "фио" and "ФИО" are one header, and "Date of birth" is "dateofbirth".
 */
export function compactKey(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/ё/g, 'е')
    .replace(/[^\p{L}\p{N}]/gu, '');
}

const NAME = [
  'name',
  'full name',
  'person',
  'фио',
  'имя',
  'фамилия имя отчество',
  'імя',
  'прозвішча імя',
];
const BIRTH_DATE = [
  'birth date',
  'date of birth',
  'dob',
  'born',
  'дата рождения',
  'год рождения',
  'дата нараджэння',
  'год нараджэння',
];
const NOTES = [
  'notes',
  'note',
  'comments',
  'comment',
  'примечания',
  'примечание',
  'комментарий',
  'заметки',
  'заўвагі',
  'заўвага',
  'каментар',
  'нататкі',
];
const RELEASE_TYPE = [
  'release type',
  'type of release',
  'тип освобождения',
  'вид освобождения',
  'тып вызвалення',
  'від вызвалення',
];

/** Headers researchers use, in English, Russian and Belarusian, for each target. */
const PERSON_HEADERS: Record<PersonTarget, string[]> = {
  id: ['vigil id', 'vigil person id'],
  name: NAME,
  nameLatin: [
    'name (latin)',
    'latin name',
    'name in latin',
    'transliteration',
    'имя латиницей',
    'фио латиницей',
    'латиница',
    'імя лацінкай',
    'лацінка',
  ],
  nameVariants: [
    'name variants',
    'variants',
    'other names',
    'aliases',
    'варианты имени',
    'другие имена',
    'варыянты імя',
    'іншыя імёны',
  ],
  sex: ['sex', 'gender', 'пол', 'стать'],
  birthDate: BIRTH_DATE,
  citizenship: ['citizenship', 'nationality', 'гражданство', 'грамадзянства'],
  region: ['region', 'oblast', 'регион', 'область', 'рэгіён', 'вобласць'],
  occupation: [
    'occupation',
    'profession',
    'job',
    'род занятий',
    'профессия',
    'занятие',
    'род заняткаў',
    'прафесія',
    'занятак',
  ],
  notes: NOTES,
  consent: [
    'consent',
    'publication',
    'publication consent',
    'согласие',
    'согласие на публикацию',
    'публикация',
    'згода',
    'згода на публікацыю',
  ],
  arrestDate: [
    'arrest date',
    'date of arrest',
    'arrested',
    'дата ареста',
    'дата задержания',
    'дата арышту',
    'дата затрымання',
  ],
  sentence: ['sentence', 'приговор', 'срок', 'прысуд', 'тэрмін'],
  sentenceMonths: [
    'sentence months',
    'sentence (months)',
    'months',
    'срок (месяцев)',
    'срок в месяцах',
    'месяцев',
    'тэрмін (месяцаў)',
    'месяцаў',
  ],
  releaseDate: [
    'release date',
    'date of release',
    'released',
    'дата освобождения',
    'дата вызвалення',
  ],
  releaseType: RELEASE_TYPE,
  riskCategories: [
    'risk categories',
    'risk category',
    'risks',
    'категории риска',
    'группы риска',
    'категорыі рызыкі',
    'групы рызыкі',
  ],
};

const EVENT_HEADERS: Record<EventTarget, string[]> = {
  personId: ['person id', 'vigil person id', 'vigil id'],
  personName: ['person name', ...NAME],
  personBirthDate: ['person birth date', ...BIRTH_DATE],
  type: [
    'type',
    'event',
    'event type',
    'тип',
    'тип события',
    'событие',
    'тып',
    'падзея',
    'тып падзеі',
  ],
  date: ['date', 'event date', 'дата', 'дата события', 'дата падзеі'],
  facility: [
    'facility',
    'place of detention',
    'prison',
    'учреждение',
    'место содержания',
    'установа',
    'месца ўтрымання',
  ],
  releaseType: RELEASE_TYPE,
  detentionType: [
    'detention type',
    'type of detention',
    'тип задержания',
    'вид содержания',
    'тып затрымання',
    'тып утрымання',
  ],
  category: [
    'category',
    'risk category',
    'категория',
    'категория риска',
    'катэгорыя',
    'катэгорыя рызыкі',
  ],
  startDate: ['start date', 'from', 'since', 'дата начала', 'дата пачатку'],
  endDate: ['end date', 'to', 'until', 'дата окончания', 'дата заканчэння'],
  notes: NOTES,
};

function index(headers: Record<string, string[]>): Map<string, ImportTarget> {
  const byKey = new Map<string, ImportTarget>();
  for (const [target, names] of Object.entries(headers)) {
    for (const name of [target, ...names]) byKey.set(compactKey(name), target as ImportTarget);
  }
  return byKey;
}

const HEADERS: Record<ImportShape, Map<string, ImportTarget>> = {
  persons: index(PERSON_HEADERS),
  events: index(EVENT_HEADERS),
};

export function targetsOf(shape: ImportShape): ImportTarget[] {
  return Object.keys(shape === 'persons' ? PERSON_HEADERS : EVENT_HEADERS) as ImportTarget[];
}

/** A target for each column whose header is a known name; the first such column wins. */
export function suggestMapping(shape: ImportShape, columns: string[]): ImportMapping {
  const taken = new Set<ImportTarget>();
  // fromEntries makes own keys even of names like "__proto__".
  return Object.fromEntries(
    columns.map((column) => {
      const target = HEADERS[shape].get(compactKey(column));
      if (!target || taken.has(target)) return [column, 'ignore'];
      taken.add(target);
      return [column, target];
    }),
  );
}
