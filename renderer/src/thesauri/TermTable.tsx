import { useTranslation } from 'react-i18next';
import type { ThesaurusTerm } from '../../../core/api/records';

interface Props {
  terms: ThesaurusTerm[];
  /** Facilities show their postal address. */
  withAddress: boolean;
  readOnly: boolean;
  onEdit: (term: ThesaurusTerm) => void;
  onToggleDeprecated: (term: ThesaurusTerm) => void;
}

export function TermTable({ terms, withAddress, readOnly, onEdit, onToggleDeprecated }: Props) {
  const { t } = useTranslation();
  return (
    <div className="table-scroll">
      <table className="term-table">
        <thead>
          <tr>
            <th scope="col">{t('thesauri.code')}</th>
            <th scope="col">{t('thesauri.labelEn')}</th>
            <th scope="col">{t('thesauri.labelBe')}</th>
            <th scope="col">{t('thesauri.labelRu')}</th>
            {withAddress && <th scope="col">{t('thesauri.address')}</th>}
            <th scope="col">{t('thesauri.status')}</th>
            <th scope="col">
              <span className="visually-hidden">{t('thesauri.actions')}</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {terms.map((term) => (
            <tr key={term.id} className={term.deprecated ? 'deprecated' : undefined}>
              <th scope="row">
                <code>{term.code}</code>
              </th>
              <td>{term.labelEn}</td>
              <td>{term.labelBe}</td>
              <td>{term.labelRu}</td>
              {withAddress && <td className="address">{term.address}</td>}
              <td>{term.deprecated ? t('thesauri.deprecated') : t('thesauri.inUse')}</td>
              <td className="row-actions">
                <button
                  type="button"
                  className="button secondary small"
                  onClick={() => onEdit(term)}
                  disabled={readOnly}
                  aria-label={t('thesauri.editTerm', { code: term.code })}
                >
                  {t('thesauri.edit')}
                </button>
                <button
                  type="button"
                  className="button secondary small"
                  onClick={() => onToggleDeprecated(term)}
                  disabled={readOnly}
                  aria-label={
                    term.deprecated
                      ? t('thesauri.restoreTerm', { code: term.code })
                      : t('thesauri.deprecateTerm', { code: term.code })
                  }
                >
                  {term.deprecated ? t('thesauri.restore') : t('thesauri.deprecate')}
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
