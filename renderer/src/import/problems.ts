import type { TFunction } from 'i18next';
import type { ImportProblem, ImportShape } from '../../../core/api/import';

/**
 * A problem of the dry run in a sentence of the user's language, worded from its code: the
 * core's `message` is a developer's hint in English and is never shown. Duplicates are persons
 * in a person table and events in an event table.
 */
export function problemSentence(t: TFunction, problem: ImportProblem, shape: ImportShape): string {
  const persons = shape === 'persons';
  if (problem.code === 'DUPLICATE_IN_VAULT') {
    return t(persons ? 'import.duplicates.vaultPerson' : 'import.duplicates.vaultEvent');
  }
  if (problem.code === 'DUPLICATE_IN_FILE' && problem.otherRow !== undefined) {
    return t(persons ? 'import.duplicates.filePerson' : 'import.duplicates.fileEvent', {
      row: problem.otherRow,
    });
  }
  return t(`import.problems.${problem.code}`);
}
