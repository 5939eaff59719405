import type { TFunction } from 'i18next';
import type { PersonSummary } from '../../../core/api/records';
import { formatPartialDate } from '../dates';

/** "<name> <Latin name> born <date>", as the list and the duplicate warning name a person. */
export function describePerson(t: TFunction, person: PersonSummary): string {
  return [
    person.name,
    person.nameLatin,
    person.birthDate ? t('people.born', { date: formatPartialDate(t, person.birthDate) }) : '',
  ]
    .filter((part) => part !== '')
    .join(' ');
}
