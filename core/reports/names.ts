import type { DisclosedPerson } from '../disclosure';
import type { ReportContext } from './types';

/**
 * The name a report shows for a person as the disclosure policy gave them: "Case 12345-67890"
 * for a withheld name; otherwise the recorded name, or in an English report its Latin-script
 * form when one is recorded, since English readers and the bodies they write to use that one.
 */
export function personName(person: DisclosedPerson, context: ReportContext): string {
  if (person.pseudonym !== null) return context.t('pseudonym', { code: person.pseudonym });
  const name = person.displayName ?? person.name;
  return context.language === 'en' && person.nameLatin ? person.nameLatin : name;
}
