import { useTranslation } from 'react-i18next';
import { Field } from '../components/Field';
import { ThesaurusSelect } from '../thesauri/ThesaurusSelect';
import type { ListQuery } from './usePersonPages';

type Order = Pick<ListQuery, 'sort' | 'direction'>;

const ORDERS = [
  { value: 'name-asc', sort: 'name', direction: 'asc' },
  { value: 'name-desc', sort: 'name', direction: 'desc' },
  { value: 'birthDate-asc', sort: 'birthDate', direction: 'asc' },
  { value: 'birthDate-desc', sort: 'birthDate', direction: 'desc' },
  { value: 'updated-desc', sort: 'updated', direction: 'desc' },
  { value: 'updated-asc', sort: 'updated', direction: 'asc' },
] as const;

type OrderValue = (typeof ORDERS)[number]['value'];

interface Props {
  order: Order;
  onOrderChange: (order: Order) => void;
  region: string;
  onRegionChange: (code: string) => void;
  riskCategory: string;
  onRiskCategoryChange: (code: string) => void;
  inCustody: boolean;
  onInCustodyChange: (value: boolean) => void;
}

/**
 * Sorting and filtering of the person list: one select each, quick from the keyboard. A risk
 * category and "in custody" are the figures' definitions today, so that together they find the
 * persons the dashboard counts.
 */
export function ListControls(props: Props) {
  const { order, onOrderChange, region, onRegionChange, riskCategory, onRiskCategoryChange } =
    props;
  const { inCustody, onInCustodyChange } = props;
  const { t } = useTranslation();
  const current = `${order.sort}-${order.direction}` as OrderValue;
  return (
    <div className="list-controls">
      <Field label={t('people.sortBy')}>
        {(control) => (
          <select
            {...control}
            value={current}
            onChange={(event) => {
              const chosen = ORDERS.find((option) => option.value === event.target.value);
              if (chosen) onOrderChange({ sort: chosen.sort, direction: chosen.direction });
            }}
          >
            {ORDERS.map((option) => (
              <option key={option.value} value={option.value}>
                {t(`people.orders.${option.value}`)}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field label={t('people.region')}>
        {(control) => (
          <ThesaurusSelect
            control={control}
            thesaurus="region"
            value={region}
            onChange={onRegionChange}
            emptyLabel={t('people.allRegions')}
          />
        )}
      </Field>
      <Field label={t('people.riskCategory')}>
        {(control) => (
          <ThesaurusSelect
            control={control}
            thesaurus="risk_category"
            value={riskCategory}
            onChange={onRiskCategoryChange}
            emptyLabel={t('people.anyRisk')}
          />
        )}
      </Field>
      <label className="checkbox-field">
        <input
          type="checkbox"
          checked={inCustody}
          onChange={(event) => onInCustodyChange(event.target.checked)}
        />{' '}
        {t('summary.inCustodyFilter')}
      </label>
    </div>
  );
}
