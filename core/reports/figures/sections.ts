import { OVER_60 } from '../../api/figureDefinitions';
import { formatPercent } from '../../api/format';
import { esc, table } from '../html';
import type { FiguresData } from './compute';
import type { Layout } from './layout';
import { definitions, headline, type Words } from './words';

/** The sections of the body other than releases (releases.ts); each starts with its <h2>. */

export function section(heading: string, content: string): string {
  return `<section class="figures-section"><h2>${esc(heading)}</h2>${content}</section>`;
}

export function inCustodySection(w: Words, data: FiguresData): string {
  return section(
    w.t('inCustodyHeading'),
    headline(w, 'inCustody', data.inCustody) + definitions(w, [{ key: 'in_custody' }]),
  );
}

export function atRiskSection(w: Words, data: FiguresData, { categories }: Layout): string {
  const { atRisk } = data;
  const sum = categories.reduce((n, c) => n + c.figure.value, 0);
  const rows = categories.map((c) => [
    c.label,
    w.number(c.figure.value),
    w.number(c.figure.upperBound),
    w.number(c.figure.unplaced.count),
  ]);
  rows.push([
    w.t('distinctTotal'),
    w.number(atRisk.total.value),
    w.number(atRisk.total.upperBound),
    w.number(atRisk.total.unplaced.count),
  ]);
  const headers = [w.t('category'), w.t('atLeast'), w.t('upToColumn'), w.t('noDate')];
  const overlap = w.t('overlap', { sum: w.number(sum), total: w.number(atRisk.total.value) });
  return section(
    w.t('atRiskHeading'),
    headline(w, 'atRisk', atRisk.total) +
      `<h3>${esc(w.t('byCategory'))}</h3>` +
      table(headers, rows, 'figures-table') +
      `<p>${esc(overlap)}</p>` +
      definitions(w, [
        { key: 'at_risk' },
        { key: 'at_risk_category', label: w.t('byCategory') },
        { key: 'at_risk_over_60', label: w.context.label('risk_category', OVER_60) },
      ]),
  );
}

function shareBlock(w: Words, data: FiguresData): string {
  const { share } = data;
  if (share === null) return '';
  const { language } = w.context;
  const since = w.start(share.since);
  const lines: string[] = [];
  if (share.ratio === null) lines.push(w.t('shareNone', { since }));
  else {
    lines.push(
      w.t('share', {
        percent: formatPercent(language, share.ratio),
        since,
        released: w.number(share.numerator.value),
        convicted: w.number(share.denominator.value),
      }),
    );
    // Both are set whenever the ratio is: they share its denominator's certain persons.
    const low = share.ratioLow ?? share.ratio;
    const high = share.ratioHigh ?? share.ratio;
    if (low !== high)
      lines.push(
        w.t('shareRange', {
          low: formatPercent(language, low),
          high: formatPercent(language, high),
        }),
      );
    lines.push(w.t('shareNote'));
  }
  return (
    `<h3>${esc(w.t('shareHeading'))}</h3>` +
    lines.map((line) => `<p>${esc(line)}</p>`).join('') +
    definitions(w, [
      { key: 'early_release_share' },
      { key: 'convicted_since', label: w.t('convictedLabel') },
    ])
  );
}

export function earlySection(w: Words, data: FiguresData): string {
  const types = data.releases.earlyTypes.map((code) => w.context.label('release_type', code));
  return section(
    w.t('earlyHeading'),
    headline(w, 'early', data.releases.early) +
      `<p>${esc(w.t('earlyTypes', { types: types.join(', ') }))}</p>` +
      definitions(w, [{ key: 'early_releases' }]) +
      shareBlock(w, data),
  );
}

export function rearrestsSection(w: Words, data: FiguresData): string {
  return section(
    w.t('rearrestsHeading'),
    headline(w, 'rearrests', data.rearrests) + definitions(w, [{ key: 'rearrests' }]),
  );
}
