import type { FigureLabels } from '../figures/labels';

/** The key segment of a release type that is not recorded (see core/reports/figureSet.ts). */
const NO_TYPE = 'none';

const PLAIN_KEYS = {
  in_custody: 'reports.figureKeys.in_custody',
  at_risk: 'reports.figureKeys.at_risk',
  'releases.total': 'reports.figureKeys.releases_total',
  early_releases: 'reports.figureKeys.early_releases',
  'early_release_share.numerator': 'reports.figureKeys.share_numerator',
  'early_release_share.denominator': 'reports.figureKeys.share_denominator',
  rearrests: 'reports.figureKeys.rearrests',
} as const;

function releaseType(labels: FigureLabels, code: string): string {
  return labels.releaseType(code === NO_TYPE ? null : code);
}

/**
 * A snapshot figure's key in words: `at_risk.category.disability` is "At special risk:
 * disability", `releases.2022.pardon` is "Releases in 2022: pardon". A key this version does
 * not know is shown as it is.
 */
export function figureKeyLabel(labels: FigureLabels, key: string): string {
  const { t } = labels;
  if (Object.hasOwn(PLAIN_KEYS, key)) return t(PLAIN_KEYS[key as keyof typeof PLAIN_KEYS]);
  const category = /^at_risk\.category\.(.+)$/.exec(key);
  if (category?.[1]) {
    return t('reports.figureKeys.at_risk_category', {
      category: labels.riskCategory(category[1]),
    });
  }
  const byType = /^releases\.type\.(.+)$/.exec(key);
  if (byType?.[1]) {
    return t('reports.figureKeys.releases_type', { type: releaseType(labels, byType[1]) });
  }
  const cell = /^releases\.(\d{4}(?:-\d{2})?)\.(.+)$/.exec(key);
  if (cell?.[1] && cell[2]) {
    return t('reports.figureKeys.releases_cell', {
      period: labels.date(cell[1]),
      type: releaseType(labels, cell[2]),
    });
  }
  return key;
}
