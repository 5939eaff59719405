import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { ImportDecisions } from '../../../core/api/import';
import { formatPartialDate } from '../dates';
import { withLink, type AmbiguousLink } from './decisions';
import { MAX_ROWS_SHOWN } from './DuplicateChoices';

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
  const number = (value: number) => value.toLocaleString(i18n.language);

  return (
    <section className="import-decisions" aria-labelledby={titleId}>
      <h4 id={titleId}>{t('import.linksTitle')}</h4>
      <p className="muted">{t('import.linksIntro')}</p>
      <div className="table-scroll">
        <table className="mapping-table">
          <thead>
            <tr>
              <th scope="col">{t('import.report.row')}</th>
              <th scope="col">{t('import.report.value')}</th>
              <th scope="col">{t('import.person')}</th>
            </tr>
          </thead>
          <tbody>
            {shown.map((link) => (
              <tr key={link.row}>
                <td>{link.row}</td>
                <th scope="row">{link.value}</th>
                <td>
                  <select
                    aria-label={t('import.linkFor', { row: link.row })}
                    value={decisions.links[String(link.row)] ?? ''}
                    onChange={(event) =>
                      onChange(withLink(decisions, link.row, event.target.value || null))
                    }
                  >
                    <option value="">{t('import.linkChoose')}</option>
                    {link.candidates.map((candidate) => (
                      <option key={candidate.id} value={candidate.id}>
                        {candidate.birthDate
                          ? t('import.candidate', {
                              name: candidate.name,
                              birthDate: formatPartialDate(t, candidate.birthDate),
                            })
                          : t('import.candidateNoBirth', { name: candidate.name })}
                      </option>
                    ))}
                  </select>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
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
