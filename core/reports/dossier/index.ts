import { ApiError } from '../../api/errors';
import type { DossierParams } from '../../api/reports';
import { readDisclosed } from '../../disclosure';
import { formatDate } from '../format';
import { esc, table } from '../html';
import { personName } from '../names';
import { translator } from '../strings';
import type { ReportBuilder } from '../types';
import { identitySection, recordSections, sourcesSection, type DossierSection } from './sections';

export { DOSSIER_CSS } from './styles';

function identityHtml(section: DossierSection): string {
  const rows = section.rows
    .map(
      ([field = '', value = '']) =>
        `<tr><th scope="row">${esc(field)}</th><td>${esc(value)}</td></tr>`,
    )
    .join('');
  return `<table class="identity"><tbody>${rows}</tbody></table>`;
}

/**
 * One person's dossier (issue 10), for a lawyer, a UN communication or a family: identity and
 * name variants, status history, cases, the custody timeline, risk categories and the cited
 * sources with their reliability. The person, their records and the sources are read through
 * the disclosure policy: a never-publish person has no publishable dossier, a withheld name
 * becomes the case code, and confidential sources stay out of a publishable one (counted).
 */
export const buildDossier: ReportBuilder<DossierParams> = (params, context) => {
  const { db, language } = context;
  const t = translator('dossier', language);
  const { persons, summary } = readDisclosed(db, [params.personId], context.audience);
  const person = persons[0];
  if (!person) {
    if (readDisclosed(db, [params.personId], 'internal').persons.length === 0)
      throw new ApiError('NOT_FOUND', 'No such person');
    throw new ApiError('REPORT_NEVER_PUBLISH', 'This person is never published');
  }
  const identity = identitySection(person, context, t);
  const { sections, records } = recordSections(db, person, context, t);
  const sources = sourcesSection(db, person, records, context, t);
  const all = [identity, ...sections, sources.section];

  const html = all.map((section) => {
    const content =
      section.rows.length === 0
        ? `<p class="note">${esc(t('nothing'))}</p>`
        : section === identity
          ? identityHtml(section)
          : table(section.headers, section.rows);
    const note =
      section === sources.section && sources.withheld > 0
        ? `<p class="note">${esc(t('sourcesWithheld', { count: sources.withheld }))}</p>`
        : '';
    return `<section><h2>${esc(section.heading)}</h2>${content}${note}</section>`;
  });
  const intro =
    `<p class="dossier-name">${esc(personName(person, context))}</p>` +
    (person.pseudonym === null ? '' : `<p class="note">${esc(t('pseudonymNote'))}</p>`);
  return {
    title: t('title'),
    subtitle: context.t('asOf', { date: formatDate(language, context.today) }),
    body: intro + html.join(''),
    tables: all.map((s) => ({ name: s.heading, rows: [s.headers, ...s.rows] })),
    disclosure: { ...summary, sourcesWithheld: sources.withheld },
  };
};
