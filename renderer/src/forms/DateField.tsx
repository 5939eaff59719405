import { useId, useState, type Ref } from 'react';
import { useTranslation } from 'react-i18next';
import { readDateInput } from '../../../core/api/dateInput';
import { PartialDate } from '../../../core/api/schemas';
import { Field } from '../components/Field';
import { formatPartialDate, monthNames } from '../dates';
import { DateReadingLine } from './DateReadingLine';

interface Props {
  label: string;
  /** The stored partial date, or '' for none, or text the field could not read. */
  value: string;
  onChange: (value: string) => void;
  error?: string | undefined;
  /** Replaces the hint on what may be typed; '' for none, where space is short. */
  hint?: string | undefined;
  className?: string;
  /** Only a full day will do (an as-of date). */
  needDay?: boolean;
  /**
   * Hand the date over only on Enter or on leaving the field, not while typing: for a date
   * that recomputes a whole page as soon as it changes.
   */
  applyOnConfirm?: boolean;
  required?: boolean;
  readOnly?: boolean;
  inputRef?: Ref<HTMLInputElement>;
}

/**
 * Every date input of the app: a date typed as people write it (see core/api/dateInput.ts for
 * the rule), read back under the field while typing. The form gets the stored value only when
 * the reading is certain; otherwise it gets the text as typed, which no stored date can be, so
 * the form refuses to save it rather than keep an older value the user no longer sees.
 */
export function DateField(props: Props) {
  const { label, value, onChange, error, applyOnConfirm = false } = props;
  const { t, i18n } = useTranslation();
  const readingId = useId();
  const shown = (stored: string) =>
    PartialDate.safeParse(stored).success ? formatPartialDate(t, stored) : stored;
  const [text, setText] = useState(() => shown(value));
  const [edited, setEdited] = useState(false);
  // The value this field last handed over or was given: a new one from outside (a reset, a
  // record loaded) replaces the text, the field's own does not interrupt the typing.
  const [known, setKnown] = useState(value);
  if (value !== known) {
    setKnown(value);
    setText(shown(value));
    setEdited(false);
  }

  const reading = readDateInput(text, {
    language: i18n.language,
    monthNames: monthNames(t),
    needDay: props.needDay,
  });
  const certain = reading.kind === 'certain' ? reading.value : reading.kind === 'empty' ? '' : null;

  function hand(next: string) {
    setKnown(next);
    if (next !== value) onChange(next);
  }

  function type(next: string) {
    setText(next);
    setEdited(true);
    if (applyOnConfirm) return;
    const read = readDateInput(next, {
      language: i18n.language,
      monthNames: monthNames(t),
      needDay: props.needDay,
    });
    hand(read.kind === 'certain' ? read.value : read.kind === 'empty' ? '' : next.trim());
  }

  /** On Enter or leaving the field: a certain date is handed over and shown as stored. */
  function confirm() {
    if (certain === null || (certain === '' && props.required === true)) return;
    hand(certain);
    setText(shown(certain));
    setEdited(false);
  }

  function choose(choice: string) {
    hand(choice);
    setText(shown(choice));
    setEdited(false);
  }

  const ownProblem = edited && (reading.kind === 'refused' || reading.kind === 'ambiguous');
  return (
    <Field
      label={label}
      hint={props.hint ?? t('dateInput.hint')}
      error={ownProblem ? undefined : error}
      describedBy={readingId}
      className={props.className}
    >
      {(control) => (
        <>
          <input
            {...control}
            ref={props.inputRef}
            aria-invalid={control['aria-invalid'] ?? (ownProblem ? true : undefined)}
            type="text"
            value={text}
            onChange={(event) => type(event.target.value)}
            onBlur={confirm}
            onKeyDown={(event) => {
              if (event.key === 'Enter' && applyOnConfirm) confirm();
            }}
            required={props.required}
            readOnly={props.readOnly}
            autoComplete="off"
            spellCheck={false}
            placeholder={t('dateInput.placeholder')}
          />
          <DateReadingLine
            id={readingId}
            reading={edited ? reading : { kind: 'empty' }}
            onChoose={choose}
          />
        </>
      )}
    </Field>
  );
}
