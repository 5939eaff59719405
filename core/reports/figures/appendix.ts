import type { Figure } from '../../api/figures';
import type { DisclosureSummary } from '../../api/reports';
import { readDisclosed, type DisclosedPerson } from '../../disclosure';
import { sortByText } from '../../search/collation';
import { esc } from '../html';
import type { FiguresData } from './compute';
import type { Layout } from './layout';
import { section } from './sections';
import type { Words } from './words';

/**
 * The appendix: the cases behind each figure, read through the disclosure policy. The figures
 * count every case; the lists show only those the audience may see, under the name or the
 * pseudonym the policy gives, and say how many are not listed.
 */

interface Listed {
  heading: string;
  figure: Figure;
}

function listedFigures(w: Words, data: FiguresData, layout: Layout): Listed[] {
  const risk = w.t('atRiskHeading');
  return [
    { heading: w.t('inCustodyHeading'), figure: data.inCustody },
    { heading: risk, figure: data.atRisk.total },
    ...layout.categories.map((c) => ({
      heading: w.t('appendixCategory', { heading: risk, category: c.label }),
      figure: c.figure,
    })),
    { heading: w.t('releasesHeading'), figure: data.releases.total },
    { heading: w.t('earlyHeading'), figure: data.releases.early },
    { heading: w.t('rearrestsHeading'), figure: data.rearrests },
  ];
}

/**
 * Named persons in the alphabet of the report's language, then the pseudonyms in code order,
 * as the policy orders them: among the names, a pseudonym's place would tell where its name
 * falls in the alphabet.
 */
function ordered(w: Words, persons: DisclosedPerson[]): DisclosedPerson[] {
  const named = persons.filter((p) => p.displayName !== null);
  const withheld = persons.filter((p) => p.displayName === null);
  return [
    ...sortByText(w.context.language, named, (p) => p.displayName!),
    ...withheld.sort((a, b) => (a.pseudonym! < b.pseudonym! ? -1 : 1)),
  ];
}

function caseList(w: Words, persons: DisclosedPerson[]): string {
  if (persons.length === 0) return `<p class="note">${esc(w.t('appendixNone'))}</p>`;
  const name = (p: DisclosedPerson) =>
    p.displayName ?? w.context.t('pseudonym', { code: p.pseudonym ?? '' });
  const items = ordered(w, persons).map((p) => `<li>${esc(name(p))}</li>`);
  return `<ul class="figures-cases">${items.join('')}</ul>`;
}

function figureCases(w: Words, item: Listed, shown: Map<string, DisclosedPerson>): string {
  const pick = (ids: string[]) => ids.flatMap((id) => shown.get(id) ?? []);
  const { personIds, uncertainIds } = item.figure;
  const counted = pick(personIds);
  const possible = pick(uncertainIds);
  const notListed = personIds.length + uncertainIds.length - counted.length - possible.length;
  let html = `<h3>${esc(item.heading)}</h3>`;
  html += `<p>${esc(w.t('appendixCounted', { number: w.number(personIds.length) }))}</p>`;
  html += caseList(w, counted);
  if (uncertainIds.length > 0) {
    html += `<p>${esc(w.t('appendixPossible', { number: w.number(uncertainIds.length) }))}</p>`;
    html += caseList(w, possible);
  }
  if (notListed > 0)
    html += `<p class="note">${esc(w.t('appendixNotListed', { number: w.number(notListed) }))}</p>`;
  return html;
}

function policyLines(w: Words, summary: DisclosureSummary): string {
  const line = (
    key: 'appendixLeftOut' | 'appendixPseudonymised' | 'appendixIncluded',
    n: number,
  ) => (n > 0 ? `<p>${esc(w.t(key, { count: n, number: w.number(n) }))}</p>` : '');
  return (
    line('appendixLeftOut', summary.leftOut) +
    line('appendixPseudonymised', summary.pseudonymised) +
    line('appendixIncluded', summary.neverPublishIncluded)
  );
}

/** The appendix section and what the policy did, for the report's disclosure summary. */
export function appendix(
  w: Words,
  data: FiguresData,
  layout: Layout,
): { html: string; summary: DisclosureSummary } {
  const listed = listedFigures(w, data, layout);
  const ids = new Set<string>();
  for (const { figure } of listed) {
    for (const id of figure.personIds) ids.add(id);
    for (const id of figure.uncertainIds) ids.add(id);
  }
  const { persons, summary } = readDisclosed(w.context.db, [...ids], w.context.audience);
  const shown = new Map(persons.map((p) => [p.id, p]));
  const html = section(
    w.t('appendixHeading'),
    policyLines(w, summary) + listed.map((item) => figureCases(w, item, shown)).join(''),
  );
  return { html, summary };
}
