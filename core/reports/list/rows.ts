import type { ListColumn, ListReportParams } from '../../api/reports';
import type { ReadDb } from '../../db/handle';
import type { DisclosedPerson } from '../../disclosure';
import { sortByText } from '../../search/collation';
import {
  criminalArticles,
  custodyAsOf,
  earliestDay,
  facilityAddresses,
  latestVerdict,
  readByPerson,
  type CustodyAsOf,
} from '../facts';
import { formatDate } from '../format';
import { personName } from '../names';
import { sentenceText } from '../sentence';
import type { Translate } from '../strings';
import type { ReportContext } from '../types';

/** One person's line of the list, as of the report's date. */
export interface ListRow {
  person: DisclosedPerson;
  name: string;
  /** Article codes of the person's criminal proceedings. */
  articles: string[];
  sentence: string;
  custody: CustodyAsOf | null;
}

export interface ListGroup {
  /** The region, facility or article code; null for the persons without one. */
  code: string | null;
  label: string;
  rows: ListRow[];
}

/**
 * The rows of the persons in the list's order: named persons in the alphabet of the report's
 * language, then the pseudonymised ones in the order the policy gave them (by code), so that
 * a case code's place never hints at where its name would fall.
 */
export function listRows(
  db: ReadDb,
  persons: readonly DisclosedPerson[],
  asOf: string,
  context: ReportContext,
): ListRow[] {
  const day = earliestDay(asOf)!;
  const custody = readByPerson(db, 'custodyEvent', persons);
  const proceedings = readByPerson(db, 'proceeding', persons);
  const rows = persons.map((person): ListRow => {
    const cases = proceedings.get(person.id)!;
    const verdict = latestVerdict(cases, day);
    return {
      person,
      name: personName(person, context),
      articles: criminalArticles(cases),
      sentence: verdict ? sentenceText(verdict, context) : '',
      custody: custodyAsOf(custody.get(person.id)!, day),
    };
  });
  const named = rows.filter((r) => r.person.pseudonym === null);
  const withheld = rows.filter((r) => r.person.pseudonym !== null);
  return [...sortByText(context.language, named, (r) => r.name), ...withheld];
}

type Cell = (row: ListRow) => string;

/** Each column's header and cell, in the report's language. */
export function listColumns(
  db: ReadDb,
  context: ReportContext,
  t: Translate<'list'>,
): Record<ListColumn, { header: string; cell: Cell }> {
  const addresses = facilityAddresses(db);
  return {
    name: { header: t('name'), cell: (r) => r.name },
    birthYear: { header: t('birthYear'), cell: (r) => r.person.birthDate?.slice(0, 4) ?? '' },
    region: {
      header: t('region'),
      cell: (r) => (r.person.region ? context.label('region', r.person.region) : ''),
    },
    articles: {
      header: t('articles'),
      cell: (r) => r.articles.map((a) => context.label('article', a)).join('; '),
    },
    sentence: { header: t('sentence'), cell: (r) => r.sentence },
    facility: {
      header: t('facility'),
      cell: (r) => (r.custody?.facility ? context.label('facility', r.custody.facility) : ''),
    },
    facilityAddress: {
      header: t('facilityAddress'),
      cell: (r) => (r.custody?.facility ? (addresses.get(r.custody.facility) ?? '') : ''),
    },
    detentionDate: {
      header: t('detentionDate'),
      cell: (r) =>
        r.custody?.detentionDate ? formatDate(context.language, r.custody.detentionDate) : '',
    },
  };
}

type Grouping = Exclude<ListReportParams['groupBy'], 'none'>;

const THESAURUS = { region: 'region', facility: 'facility', article: 'article' } as const;
const NONE_LABEL = { region: 'noRegion', facility: 'noFacility', article: 'noArticle' } as const;

function codesOf(row: ListRow, grouping: Grouping): (string | null)[] {
  if (grouping === 'region') return [row.person.region];
  if (grouping === 'facility') return [row.custody?.facility ?? null];
  // A person charged under several articles belongs under each of them.
  return row.articles.length > 0 ? row.articles : [null];
}

/**
 * The rows in groups, each keeping the rows' order; groups in the alphabet of the report's
 * language by their labels, and the persons without a region, facility or article last.
 */
export function groupRows(
  rows: readonly ListRow[],
  grouping: Grouping,
  context: ReportContext,
  t: Translate<'list'>,
): ListGroup[] {
  const groups = new Map<string | null, ListGroup>();
  for (const row of rows) {
    for (const code of codesOf(row, grouping)) {
      let group = groups.get(code);
      if (!group) {
        const label =
          code === null ? t(NONE_LABEL[grouping]) : context.label(THESAURUS[grouping], code);
        group = { code, label, rows: [] };
        groups.set(code, group);
      }
      group.rows.push(row);
    }
  }
  const known = [...groups.values()].filter((g) => g.code !== null);
  const none = groups.get(null);
  return [...sortByText(context.language, known, (g) => g.label), ...(none ? [none] : [])];
}
