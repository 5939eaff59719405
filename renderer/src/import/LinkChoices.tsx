import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ImportDecisions } from '../../../core/api/import';
import { requestUnlocked } from '../api';
import { useThesauri } from '../thesauri/ThesauriContext';
import { candidateLabels, type CandidateDetails } from './candidates';
import { withLink, type AmbiguousLink } from './decisions';
import { MAX_ROWS_SHOWN, RowChoiceTable } from './RowChoiceTable';
import { formatNumber } from '../format';

interface Props {
  links: AmbiguousLink[];
  decisions: ImportDecisions;
  onChange: (decisions: ImportDecisions) => void;
}

/** Rows whose person several people in the vault match, each with the people to choose from. */
export function LinkChoices({ links, decisions, onChange }: Props) {
  const { t, i18n } = useTranslation();
  const titleId = useId();
  const shown = links.slice(0, MAX_ROWS_SHOWN);
  const number = (value: number) => formatNumber(i18n.language, value);
  const details = useCandidateDetails(shown);

  return (
    <section className="import-decisions" aria-labelledby={titleId}>
      <h4 id={titleId}>{t('import.linksTitle')}</h4>
      <p className="muted">{t('import.linksIntro')}</p>
      <RowChoiceTable
        rows={shown}
        choiceHeader={t('import.person')}
        choice={(link) => (
          <select
            aria-label={t('import.linkFor', { row: link.row })}
            value={decisions.links[String(link.row)] ?? ''}
            onChange={(event) =>
              onChange(withLink(decisions, link.row, event.target.value || null))
            }
          >
            <option value="">{t('import.linkChoose')}</option>
            {candidateLabels(t, link.candidates, details).map(({ id, label }) => (
              <option key={id} value={id}>
                {label}
              </option>
            ))}
          </select>
        )}
      />
      {shown.length < links.length && (
        <p className="hint">
          {t('import.linksShownFirst', {
            shown: number(shown.length),
            total: number(links.length),
          })}
        </p>
      )}
    </section>
  );
}

/**
 * The external ids and region of every candidate shown, read from the vault, so that the
 * choice between namesakes is made on what the user knows them by.
 */
function useCandidateDetails(links: AmbiguousLink[]): ReadonlyMap<string, CandidateDetails> {
  const { label } = useThesauri();
  const [persons, setPersons] = useState<ReadonlyMap<string, CandidateDetails>>(new Map());
  const ids = [...new Set(links.flatMap((link) => link.candidates.map((c) => c.id)))].join(' ');

  useEffect(() => {
    let current = true;
    const wanted = ids === '' ? [] : ids.split(' ');
    void Promise.all(wanted.map((id) => requestUnlocked((api) => api.getPerson({ id })))).then(
      (results) => {
        if (!current) return;
        const found = new Map<string, CandidateDetails>();
        for (const result of results) {
          if (!result.ok) continue;
          const { id, externalIds, region } = result.value;
          found.set(id, { externalIds, region: region === null ? null : label('region', region) });
        }
        setPersons(found);
      },
    );
    return () => {
      current = false;
    };
  }, [ids, label]);

  return persons;
}
