import type { PersonSummary } from '../api/records';
import type { Row } from './statements';

/** The columns of a person list row, read by `toSummary`. */
export const SUMMARY_COLUMNS = `persons.id AS id, name, name_latin, birth_date, citizenship, region,
  persons.updated_at AS updated_at,
  (SELECT s.status FROM status_events s WHERE s.person_id = persons.id AND s.deleted = 0
     ORDER BY coalesce(s.date, '9999') DESC, s.created_at DESC LIMIT 1) AS status`;

export function toSummary(row: Row): PersonSummary {
  return {
    id: String(row.id),
    name: String(row.name),
    nameLatin: String(row.name_latin),
    birthDate: row.birth_date === null ? null : String(row.birth_date),
    citizenship: JSON.parse(String(row.citizenship)) as string[],
    region: row.region === null ? null : String(row.region),
    updatedAt: String(row.updated_at),
    status: row.status === 'recognised' || row.status === 'status_removed' ? row.status : null,
  };
}
