import type { TFunction } from 'i18next';
import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PersonSummaryCard } from '../../../core/api/personSummary';
import { requestUnlocked } from '../api';
import { formatPartialDate } from '../dates';
import { useThesauri } from '../thesauri/ThesauriContext';
import { sentenceLength } from '../timeline/describeEntry';

interface Props {
  personId: string;
  /** Changes whenever the person's records may have changed, to read the summary again. */
  version: string;
}

function statusText(t: TFunction, status: PersonSummaryCard['status']): string {
  if (!status) return t('summary.notRecognised');
  const kind = t(`timeline.statuses.${status.status}`);
  const date = status.date ? formatPartialDate(t, status.date) : null;
  const by = status.recognisedBy.trim();
  if (date && by) return t('summary.statusDateBy', { status: kind, date, by });
  if (date) return t('summary.statusDate', { status: kind, date });
  if (by) return t('summary.statusBy', { status: kind, by });
  return kind;
}

function custodyText(t: TFunction, card: PersonSummaryCard): string {
  switch (card.custody) {
    case 'in':
      return card.custodySince
        ? t('summary.custodySince', { date: formatPartialDate(t, card.custodySince, true) })
        : t('summary.custodyIn');
    case 'uncertain':
      return t('summary.custodyUncertain');
    case 'out':
      return t('summary.custodyOut');
    case 'unplaced':
      return t('summary.custodyUnplaced');
  }
}

/**
 * The person at a glance, above the forms: status, custody, last sentence and facility, risk
 * categories today and publication. The core computes it by the figures' own rules.
 */
export function PersonSummary({ personId, version }: Props) {
  const { t } = useTranslation();
  const { label } = useThesauri();
  const headingId = useId();
  const [card, setCard] = useState<PersonSummaryCard | null>(null);

  useEffect(() => {
    let current = true;
    void requestUnlocked((api) => api.getPersonSummary({ id: personId })).then((result) => {
      if (current && result.ok) setCard(result.value);
    });
    return () => {
      current = false;
    };
  }, [personId, version]);

  if (!card) return null;
  const sentence = card.lastSentence;
  const sentenceWords = sentence
    ? [
        sentence.sentenceType ? label('sentence_type', sentence.sentenceType) : '',
        sentenceLength(t, sentence.sentenceMonths, sentence.sentenceDays),
      ]
        .filter(Boolean)
        .join(', ')
    : '';
  const rows: [string, string][] = [
    [t('summary.status'), statusText(t, card.status)],
    [t('summary.custody'), custodyText(t, card)],
  ];
  if (card.facility) rows.push([t('summary.facility'), label('facility', card.facility)]);
  rows.push([
    t('summary.sentence'),
    !sentence
      ? t('summary.noSentence')
      : sentence.verdictDate
        ? t('summary.sentenceVerdict', {
            sentence: sentenceWords,
            date: formatPartialDate(t, sentence.verdictDate),
          })
        : sentenceWords,
  ]);
  rows.push([
    t('summary.risks'),
    card.risks.length === 0
      ? t('summary.noRisks')
      : card.risks
          .map(({ category, certain }) => {
            const name = label('risk_category', category);
            return certain ? name : t('summary.riskPossible', { category: name });
          })
          .join(', '),
  ]);
  rows.push([t('summary.consent'), t(`person.consents.${card.consent}`)]);

  return (
    <section className="person-summary" aria-labelledby={headingId}>
      <h2 id={headingId}>{t('summary.title')}</h2>
      <dl>
        {rows.map(([term, value]) => (
          <div key={term}>
            <dt>{term}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>
      <p className="muted">{t('summary.asOf', { date: formatPartialDate(t, card.asOf) })}</p>
    </section>
  );
}
