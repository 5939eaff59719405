import { useId, type ReactElement, type ReactNode } from 'react';
import { Trans } from 'react-i18next';
import type { DefinitionKey } from '../../../core/api/figureDefinitions';
import type { Figure } from '../../../core/api/figures';
import { atRiskTitles, categoryDefinitions } from './AtRiskChart';
import type { DrillRequest } from './DrillDown';
import { HowCounted } from './HowCounted';
import type { FigureLabels } from './labels';
import type { ReleaseWindow } from './params';
import { countText } from './ReleasesChart';
import type { FiguresData } from './useFigures';

interface Props {
  data: FiguresData;
  asOf: string;
  window: ReleaseWindow;
  labels: FigureLabels;
  onDrill: (request: DrillRequest) => void;
}

const BIG = <strong className="figures-big" />;

/** The figures as publications word them, each with its bounds, its cases and its definition. */
export function Headlines({ data, asOf, window, labels, onDrill }: Props) {
  const { t } = labels;
  const date = labels.date(asOf);
  const { inCustody, atRisk, share, rearrests } = data;
  const windowText = t('figures.window', {
    from: labels.date(`${window.from}-01-01`),
    to: labels.date(window.cutAtAsOf ? window.to : `${window.to}-12-31`),
  });
  const risk = atRiskTitles(atRisk, labels);
  const categories = [...atRisk.categories].sort(
    (a, b) => b.figure.value - a.figure.value || a.category.localeCompare(b.category),
  );
  const categorySum = categories.reduce((sum, entry) => sum + entry.figure.value, 0);
  const custodyTitle = t('figures.custody.title', { date, number: countText(labels, inCustody) });
  const rearrestTitle = t('figures.rearrests.title', {
    window: windowText,
    number: countText(labels, rearrests),
  });
  const sinceYear = window.from;
  const ratioText = share.ratio === null ? null : labels.percent(share.ratio);

  return (
    <div className="figures-headlines">
      <Card
        heading={t('figures.custody.heading')}
        sentence={
          <Trans
            i18nKey={
              inCustody.lowerBound ? 'figures.custody.headline' : 'figures.custody.headlineExact'
            }
            values={{ formatted: labels.number(inCustody.value), date }}
            components={{ num: BIG }}
          />
        }
        figure={inCustody}
        labels={labels}
        definitions={['in_custody']}
        actions={[
          {
            label: t('figures.showCases'),
            name: custodyTitle,
            request: { title: custodyTitle, definitions: ['in_custody'], figure: inCustody },
          },
        ]}
        onDrill={onDrill}
      />

      <Card
        heading={t('figures.risk.heading')}
        sentence={
          <Trans
            i18nKey="figures.risk.headline"
            values={{ formatted: labels.number(atRisk.total.value), date }}
            components={{ num: BIG }}
          />
        }
        figure={atRisk.total}
        labels={labels}
        definitions={['at_risk', 'at_risk_category', 'at_risk_over_60']}
        actions={[
          {
            label: t('figures.showCases'),
            name: risk.total,
            request: { title: risk.total, definitions: ['at_risk'], figure: atRisk.total },
          },
        ]}
        onDrill={onDrill}
      >
        <ul className="figures-categories" aria-label={t('figures.risk.categoriesLabel')}>
          {categories.map((entry) => {
            const title = risk.category(entry.category, entry.figure);
            return (
              <li key={entry.category}>
                <button
                  type="button"
                  className="figures-category"
                  aria-label={title}
                  onClick={() =>
                    onDrill({
                      title,
                      definitions: categoryDefinitions(entry.derived),
                      figure: entry.figure,
                    })
                  }
                >
                  <span>{labels.riskCategory(entry.category)}</span>
                  <span className="figures-category-count">{countText(labels, entry.figure)}</span>
                </button>
              </li>
            );
          })}
        </ul>
        <p className="figures-note">
          {categorySum > atRisk.total.value
            ? t('figures.risk.overlapSum', {
                sum: labels.number(categorySum),
                total: labels.number(atRisk.total.value),
              })
            : t('figures.risk.overlap', { total: labels.number(atRisk.total.value) })}
        </p>
      </Card>

      <Card
        heading={t('figures.share.heading')}
        sentence={
          ratioText === null ? (
            <span>{t('figures.share.none', { year: sinceYear })}</span>
          ) : (
            <Trans
              i18nKey="figures.share.headline"
              values={{ percent: ratioText, year: sinceYear }}
              components={{ num: BIG }}
            />
          )
        }
        labels={labels}
        definitions={['early_release_share', 'convicted_since', 'early_releases']}
        extra={t('figures.share.ratioNote')}
        actions={[
          {
            label: t('figures.share.numerator', {
              formatted: countText(labels, share.numerator),
            }),
            name: t('figures.share.numeratorTitle', {
              year: sinceYear,
              date,
              number: countText(labels, share.numerator),
            }),
            request: {
              title: t('figures.share.numeratorTitle', {
                year: sinceYear,
                date,
                number: countText(labels, share.numerator),
              }),
              definitions: ['early_release_share'],
              figure: share.numerator,
            },
          },
          {
            label: t('figures.share.denominator', {
              formatted: countText(labels, share.denominator),
            }),
            name: t('figures.share.denominatorTitle', {
              year: sinceYear,
              date,
              number: countText(labels, share.denominator),
            }),
            request: {
              title: t('figures.share.denominatorTitle', {
                year: sinceYear,
                date,
                number: countText(labels, share.denominator),
              }),
              definitions: ['convicted_since'],
              figure: share.denominator,
            },
          },
        ]}
        onDrill={onDrill}
      >
        <p className="figures-detail">
          {t('figures.share.detail', {
            released: countText(labels, share.numerator),
            convicted: countText(labels, share.denominator),
            year: sinceYear,
            date,
          })}
        </p>
        {share.ratioLow !== null &&
          share.ratioHigh !== null &&
          share.ratioLow !== share.ratioHigh && (
            <p className="figures-detail">
              {t('figures.share.range', {
                low: labels.percent(share.ratioLow),
                high: labels.percent(share.ratioHigh),
              })}
            </p>
          )}
      </Card>

      <Card
        heading={t('figures.rearrests.heading')}
        sentence={
          <Trans
            i18nKey={
              rearrests.lowerBound
                ? 'figures.rearrests.headline'
                : 'figures.rearrests.headlineExact'
            }
            values={{ formatted: labels.number(rearrests.value) }}
            components={{ num: BIG }}
          />
        }
        figure={rearrests}
        labels={labels}
        definitions={['rearrests']}
        actions={[
          {
            label: t('figures.showCases'),
            name: rearrestTitle,
            request: { title: rearrestTitle, definitions: ['rearrests'], figure: rearrests },
          },
        ]}
        onDrill={onDrill}
      >
        <p className="figures-detail">{t('figures.rearrests.window', { window: windowText })}</p>
      </Card>
    </div>
  );
}

interface Action {
  label: string;
  /** Read after the label: the figure in full, since "Show the cases" alone is ambiguous. */
  name: string;
  request: DrillRequest;
}

interface CardProps {
  heading: string;
  sentence: ReactElement;
  /** The figure whose bounds and unplaced records are stated under the sentence. */
  figure?: Figure;
  labels: FigureLabels;
  definitions: readonly DefinitionKey[];
  extra?: string;
  actions: Action[];
  onDrill: (request: DrillRequest) => void;
  children?: ReactNode;
}

function Card({
  heading,
  sentence,
  figure,
  labels,
  definitions,
  extra,
  actions,
  onDrill,
  children,
}: CardProps) {
  const headingId = useId();
  return (
    <section className="figures-card" aria-labelledby={headingId}>
      <h3 id={headingId} className="figures-card-heading">
        {heading}
      </h3>
      <p className="figures-sentence">{sentence}</p>
      {figure && <Bounds figure={figure} labels={labels} />}
      {children}
      <div className="figures-card-actions">
        {actions.map((action) => (
          <button
            key={action.name}
            type="button"
            className="button link figures-show"
            onClick={() => onDrill(action.request)}
          >
            {action.label}
            <span className="visually-hidden">: {action.name}</span>
          </button>
        ))}
      </div>
      <HowCounted definitions={definitions} extra={extra} />
    </section>
  );
}

/** "up to M" and "K records could not be placed", when they apply. */
export function Bounds({ figure, labels }: { figure: Figure; labels: FigureLabels }) {
  const { t } = labels;
  const uncertain = figure.upperBound - figure.value;
  return (
    <>
      {uncertain > 0 && (
        <p className="figures-bound">
          {t('figures.upToNote', {
            count: uncertain,
            upper: labels.number(figure.upperBound),
            formatted: labels.number(uncertain),
          })}
        </p>
      )}
      {figure.unplaced.count > 0 && (
        <p className="figures-bound">
          {t('figures.unplaced', {
            count: figure.unplaced.count,
            formatted: labels.number(figure.unplaced.count),
          })}
        </p>
      )}
    </>
  );
}
