import type { PersonSet } from '../../api/reports';
import type { ReadDb } from '../../db/handle';
import { searchPersonIds } from '../../db/persons';
import { figureInCustody, listQueryFilter } from '../../stats';

/**
 * The ids of a list report's persons, before the disclosure policy reads them: a figure's or a
 * selection's ids as given (the policy drops unknown and repeated ones), the persons certainly
 * in custody on a date (the figure's own cases, so the list and the number agree), or the
 * person list as filtered on screen, every page of it, its filters as on `today`.
 */
export function personSetIds(db: ReadDb, set: PersonSet, today: string): string[] {
  switch (set.kind) {
    case 'ids':
      return set.personIds;
    case 'inCustody':
      return figureInCustody(db, { asOf: set.asOf, filters: set.filters }).personIds;
    case 'personList':
      return searchPersonIds(db, listQueryFilter(db, set, today));
  }
}
