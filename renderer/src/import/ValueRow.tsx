import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { UnknownValue, ValueChoice } from '../../../core/api/import';
import { ThesaurusName } from '../../../core/api/records';
import { termLabel } from '../thesauri/labels';
import { useThesauri } from '../thesauri/ThesauriContext';
import { fixedCodes, fixedLabel } from './fixedLists';
import { choiceOfOption, optionOf } from './values';
import { formatNumber } from '../format';

interface Props {
  unknown: UnknownValue;
  choice: ValueChoice | null;
  onChoice: (choice: ValueChoice | null) => void;
}

interface Offered {
  code: string;
  label: string;
}

/**
 * One value no term matches, and what it is to be read as: a suggested term, any other term of
 * its thesaurus (or code of its fixed list), a new term, or nothing, leaving its rows out.
 */
export function ValueRow({ unknown, choice, onChoice }: Props) {
  const { t, i18n } = useTranslation();
  const { terms } = useThesauri();
  const fieldsId = useId();
  const thesaurus = ThesaurusName.safeParse(unknown.thesaurus).data ?? null;
  const fixed = unknown.thesaurus === null;

  const suggested: Offered[] = unknown.suggestions.map((suggestion) => {
    const label = fixed
      ? fixedLabel(t, unknown.target, suggestion.code)
      : termLabel(suggestion, i18n.language);
    return {
      code: suggestion.code,
      label: suggestion.deprecated ? t('thesauri.deprecatedOption', { label }) : label,
    };
  });
  const suggestedCodes = new Set(suggested.map((option) => option.code));
  const all: Offered[] = fixed
    ? fixedCodes(unknown.target).map((code) => ({
        code,
        label: fixedLabel(t, unknown.target, code),
      }))
    : (thesaurus ? (terms?.[thesaurus] ?? []) : [])
        .filter((term) => !term.deprecated)
        .map((term) => ({ code: term.code, label: termLabel(term, i18n.language) }));
  const others = all.filter((option) => !suggestedCodes.has(option.code));
  // A code chosen before (a saved map's, say) that neither list offers stays shown.
  const chosenCode = choice?.action === 'map' ? choice.code : null;
  const stray =
    chosenCode !== null &&
    !all.some((option) => option.code === chosenCode) &&
    !suggestedCodes.has(chosenCode)
      ? chosenCode
      : null;

  return (
    <tr>
      <td>{unknown.column}</td>
      <th scope="row" className="value-written">
        {unknown.value}
      </th>
      <td className="value-rows">{formatNumber(i18n.language, unknown.rows)}</td>
      <td>
        <select
          aria-label={t('import.values.meaningFor', {
            value: unknown.value,
            column: unknown.column,
          })}
          aria-controls={choice?.action === 'create' ? fieldsId : undefined}
          value={optionOf(choice)}
          onChange={(event) => onChoice(choiceOfOption(event.target.value, choice))}
        >
          <option value="">{t('import.values.choose')}</option>
          {suggested.length > 0 && (
            <optgroup label={t('import.values.suggested')}>
              {suggested.map((option) => (
                <option key={option.code} value={`map:${option.code}`}>
                  {option.label}
                </option>
              ))}
            </optgroup>
          )}
          {others.length > 0 && (
            <optgroup label={fixed ? t('import.values.otherCodes') : t('import.values.otherTerms')}>
              {others.map((option) => (
                <option key={option.code} value={`map:${option.code}`}>
                  {option.label}
                </option>
              ))}
            </optgroup>
          )}
          <optgroup label={t('import.values.other')}>
            {stray !== null && <option value={`map:${stray}`}>{stray}</option>}
            {!fixed && <option value="create">{t('import.values.newTerm')}</option>}
            <option value="omit">{t('import.values.omit')}</option>
          </optgroup>
        </select>
        {choice?.action === 'create' && (
          <NewTermFields id={fieldsId} value={unknown.value} choice={choice} onChoice={onChoice} />
        )}
      </td>
    </tr>
  );
}

type NewTerm = Extract<ValueChoice, { action: 'create' }>;

interface NewTermProps {
  id: string;
  value: string;
  choice: NewTerm;
  onChoice: (choice: NewTerm) => void;
}

const LABELS = ['labelEn', 'labelBe', 'labelRu'] as const;

/** The labels of the term the import is to create; English is needed, as in the thesauri. */
function NewTermFields({ id, value, choice, onChoice }: NewTermProps) {
  const { t } = useTranslation();
  const missing = choice.labelEn.trim() === '';
  return (
    <fieldset id={id} className="value-new-term">
      <legend>{t('import.values.newTermTitle', { value })}</legend>
      {LABELS.map((field) => {
        const inputId = `${id}-${field}`;
        const invalid = field === 'labelEn' && missing;
        return (
          <div key={field} className="field">
            <label htmlFor={inputId}>{t(`import.values.${field}`)}</label>
            <input
              id={inputId}
              type="text"
              maxLength={300}
              spellCheck={false}
              aria-invalid={invalid ? true : undefined}
              aria-describedby={invalid ? `${inputId}-error` : undefined}
              value={choice[field]}
              onChange={(event) => onChoice({ ...choice, [field]: event.target.value })}
            />
            {invalid && (
              <p id={`${inputId}-error`} className="field-error">
                {t('import.values.labelEnNeeded')}
              </p>
            )}
          </div>
        );
      })}
    </fieldset>
  );
}
