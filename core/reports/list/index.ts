import { ApiError } from '../../api/errors';
import type { ListColumn, ListReportParams } from '../../api/reports';
import { readDisclosed } from '../../disclosure';
import { formatDate } from '../format';
import { esc, table } from '../html';
import { translator, type Translate } from '../strings';
import type { BuiltReport, ReportBuilder } from '../types';
import { personSetIds } from './personSet';
import { groupRows, listColumns, listRows, type ListGroup } from './rows';

export { LIST_CSS } from './styles';

/** The columns a group's heading already says, left out of its table (not of the sheet). */
const SHOWN_BY_HEADING: Record<ListReportParams['groupBy'], ListColumn[]> = {
  none: [],
  region: ['region'],
  facility: ['facility', 'facilityAddress'],
  article: [],
};

/** The column that holds a row's group; a person's articles are more than their group's one. */
const GROUP_COLUMN: Record<Exclude<ListReportParams['groupBy'], 'none'>, ListColumn | null> = {
  region: 'region',
  facility: 'facility',
  article: null,
};

/**
 * A heading in the report's language. An id set's description is not one: it is written in the
 * interface's language, and counts the cases before the policy left any out.
 */
function defaultTitle(params: ListReportParams, t: Translate<'list'>): string {
  return params.persons.kind === 'inCustody' ? t('titleInCustody') : t('title');
}

/**
 * A list of persons (issue 10): any set of them, read through the disclosure policy, with the
 * chosen columns, optionally in groups by region, facility or article, in the alphabet of the
 * report's language. Sentence, facility and detention are as of `asOf`: the parameter, else the
 * date of an in-custody set, else today.
 */
export const buildListReport: ReportBuilder<ListReportParams> = (params, context) => {
  const { db, language } = context;
  const t = translator('list', language);
  const ids = personSetIds(db, params.persons, context.today);
  const { persons, summary } = readDisclosed(db, ids, context.audience);
  if (persons.length === 0)
    throw new ApiError('REPORT_EMPTY', 'No person of this set can be in the report');
  const set = params.persons;
  const asOf = params.asOf ?? (set.kind === 'inCustody' ? set.asOf : context.today);
  const rows = listRows(db, persons, asOf, context);
  const columns = listColumns(db, context, t);
  const chosen = params.columns.map((c) => columns[c]);
  const grouping = params.groupBy;
  const groups: ListGroup[] =
    grouping === 'none' ? [{ code: null, label: '', rows }] : groupRows(rows, grouping, context, t);

  const notes = [t('total', { persons: context.t('persons', { count: persons.length }) })];
  if (grouping === 'article') notes.push(t('articleNote'));
  if (summary.pseudonymised > 0) notes.push(t('pseudonymNote'));
  const inGroup = params.columns.filter((c) => !SHOWN_BY_HEADING[grouping].includes(c));
  const shownNames = inGroup.length > 0 ? inGroup : params.columns;
  const shown = shownNames.map((c) => columns[c]);
  const htmlTable = (group: ListGroup) =>
    table(
      shown.map((c) => c.header),
      group.rows.map((row) => shown.map((c) => c.cell(row))),
      'list',
      shownNames.map((c) => `col-${c}`),
    );
  const sections = groups.map((group) => {
    if (grouping === 'none') return htmlTable(group);
    const count = context.t('persons', { count: group.rows.length });
    // Every row of a facility's group has that facility, so the first row's address is theirs.
    const address =
      grouping === 'facility' && params.columns.includes('facilityAddress')
        ? columns.facilityAddress.cell(group.rows[0]!)
        : '';
    return (
      `<section><h2>${esc(group.label)}</h2><p class="list-count">${esc(count)}</p>` +
      (address ? `<p class="list-address">${esc(t('address', { address }))}</p>` : '') +
      `${htmlTable(group)}</section>`
    );
  });

  // The sheet says each row's group in a first column, unless a chosen column already does.
  const said = (grouping: keyof typeof GROUP_COLUMN) => {
    const column = GROUP_COLUMN[grouping];
    return column !== null && params.columns.includes(column);
  };
  const groupHeader = grouping === 'none' || said(grouping) ? null : t(grouping);
  const sheet = [
    [...(groupHeader ? [groupHeader] : []), ...chosen.map((c) => c.header)],
    ...groups.flatMap((group) =>
      group.rows.map((row) => [
        ...(groupHeader ? [group.label] : []),
        ...chosen.map((c) => c.cell(row)),
      ]),
    ),
  ];
  const built: BuiltReport = {
    title: params.title || defaultTitle(params, t),
    subtitle: context.t('asOf', { date: formatDate(language, asOf) }),
    body: `<p class="list-summary">${notes.map(esc).join(' ')}</p>${sections.join('')}`,
    tables: [{ name: t('sheet'), rows: sheet }],
    disclosure: summary,
  };
  return built;
};
