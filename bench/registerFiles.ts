import { promises as fs } from 'node:fs';
import path from 'node:path';
import type { ValueMap } from '../core/api/import';
import { inventName } from '../core/demo/names';
import { Rng } from './synthetic';

/**
 * A register as organisations keep one, written as CSV for the linked-import benchmark: a person
 * table keyed by the organisation's list number, and a table of custody events linked to it by
 * that number, with regions and release types spelled as people write them. Deterministic for a
 * given size: person n is always the same.
 */

/** Events per person: every one a different fact, so the import adds all of them. */
export const EVENTS_PER_PERSON = 10;

/** Regions as registers write them: the thesaurus's own labels, and spellings it does not know. */
const REGIONS: readonly (readonly [string, number])[] = [
  ['Гомельская область', 3],
  ['Гомельская вобл.', 2],
  ['Mahilioŭ region', 2],
  ['Минская обл.', 3],
  ['г. Минск', 4],
  ['Брестская область', 2],
  ['Віцебская вобласць', 2],
  ['Grodno region', 1],
];

/** Release types the same way: Russian, Belarusian and English labels, and two it lacks. */
const RELEASE_TYPES: readonly (readonly [string, number])[] = [
  ['помилование', 3],
  ['Амністыя', 2],
  ['pardoned', 2],
  ['отбыл срок', 4],
  ['amnesty', 1],
  ['Полностью отбыл срок', 2],
];

/** What the value step maps the spellings no term matches to; every other one is a label. */
export const REGISTER_VALUES: ValueMap = {
  region: {
    'Гомельская вобл.': { action: 'map', code: 'gomel' },
    'Mahilioŭ region': { action: 'map', code: 'mogilev' },
    'Минская обл.': { action: 'map', code: 'minsk_region' },
    'г. Минск': { action: 'map', code: 'minsk_city' },
  },
  releaseType: {
    pardoned: { action: 'map', code: 'pardon' },
    'отбыл срок': { action: 'map', code: 'sentence_served' },
  },
};

export const PERSON_HEADER = '№;ФИО;Дата рождения;Регион';
export const EVENT_HEADER = '№;Событие;Дата;Тип освобождения';

/** The column mappings the header suggestion must find, checked before timing counts. */
export const PERSON_MAPPING = {
  '№': 'externalId',
  ФИО: 'name',
  'Дата рождения': 'birthDate',
  Регион: 'region',
} as const;
export const EVENT_MAPPING = {
  '№': 'personExternalId',
  Событие: 'type',
  Дата: 'date',
  'Тип освобождения': 'releaseType',
} as const;

/**
 * A custody history of ten events: detained, arrested the next days, moved between facilities,
 * sentenced, moved again, released. [type as written, days after the previous event].
 */
const HISTORY: readonly (readonly [string, number])[] = [
  ['задержание', 0],
  ['арест', 3],
  ['перевод', 20],
  ['этап', 45],
  ['приговор', 90],
  ['перевод', 30],
  ['этап', 120],
  ['перевод', 200],
  ['перевод', 150],
  ['освобождение', 300],
];

const DAY_MS = 86_400_000;
const FIRST_DETENTION = Date.UTC(2020, 7, 9);

function isoDay(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

/** Half the dates as Belarusian and Russian registers write them, 15.08.2021. */
function written(iso: string, dotted: boolean): string {
  if (!dotted) return iso;
  const [year, month, day] = iso.split('-');
  return `${day}.${month}.${year}`;
}

function personLine(n: number, rng: Rng): string {
  const name = inventName(rng, rng.chance(0.2) ? 'female' : 'male');
  const birth = isoDay(Date.UTC(1950 + rng.int(55), rng.int(12), 1 + rng.int(28)));
  return `${n};${name.russian};${written(birth, true)};${rng.weighted(REGIONS)}`;
}

function eventLines(n: number, rng: Rng): string[] {
  let day = FIRST_DETENTION + rng.int(3 * 365) * DAY_MS;
  const dotted = rng.chance(0.5);
  return HISTORY.map(([type, after]) => {
    day += (after + (after > 0 ? rng.int(10) : 0)) * DAY_MS;
    const releaseType = type === 'освобождение' ? rng.weighted(RELEASE_TYPES) : '';
    return `${n};${type};${written(isoDay(day), dotted)};${releaseType}`;
  });
}

const PERSONS_PER_CHUNK = 5000;

/** Writes the lines of persons `from` to `to` (both included), in chunks of a few thousand. */
async function writeLines(
  file: string,
  header: string,
  from: number,
  to: number,
  lines: (n: number) => string[],
): Promise<void> {
  const handle = await fs.open(file, 'w');
  try {
    await handle.write(`${header}\n`);
    for (let start = from; start <= to; start += PERSONS_PER_CHUNK) {
      const chunk: string[] = [];
      for (let n = start; n <= Math.min(start + PERSONS_PER_CHUNK - 1, to); n++) {
        chunk.push(...lines(n));
      }
      await handle.write(`${chunk.join('\n')}\n`);
    }
  } finally {
    await handle.close();
  }
}

export interface RegisterFiles {
  persons: string;
  /** The event table, in as many files as the import's row limit needs, split between persons. */
  events: string[];
  eventRows: number;
}

/** Writes the person table and the event table of `count` persons into `folder`. */
export async function writeRegister(
  folder: string,
  count: number,
  maxRowsPerFile: number,
): Promise<RegisterFiles> {
  const persons = path.join(folder, 'persons.csv');
  await writeLines(persons, PERSON_HEADER, 1, count, (n) => [
    personLine(n, new Rng('import register', 'person', n)),
  ]);
  const personsPerFile = Math.floor(maxRowsPerFile / EVENTS_PER_PERSON);
  const events: string[] = [];
  for (let from = 1; from <= count; from += personsPerFile) {
    const file = path.join(folder, `events-${events.length + 1}.csv`);
    await writeLines(file, EVENT_HEADER, from, Math.min(from + personsPerFile - 1, count), (n) =>
      eventLines(n, new Rng('import register', 'events', n)),
    );
    events.push(file);
  }
  return { persons, events, eventRows: count * EVENTS_PER_PERSON };
}
