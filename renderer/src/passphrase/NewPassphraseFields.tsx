import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { Field } from '../components/Field';
import { PassphraseStrength } from './PassphraseStrength';
import { MIN_PASSPHRASE_LENGTH } from './strength';
import type { NewPassphraseCheck } from './useNewPassphrase';

interface Props {
  passphraseLabel: string;
  repeatLabel: string;
  passphrase: string;
  repeat: string;
  onPassphraseChange: (value: string) => void;
  onRepeatChange: (value: string) => void;
  check: NewPassphraseCheck;
  autoFocus?: boolean;
}

/** A new passphrase with its strength meter, and the field that repeats it. */
export function NewPassphraseFields(props: Props) {
  const { passphraseLabel, repeatLabel, passphrase, repeat, check, autoFocus } = props;
  const { t } = useTranslation();
  const ratingId = useId();
  return (
    <>
      <Field
        label={passphraseLabel}
        hint={t('create.passphraseHint', { min: MIN_PASSPHRASE_LENGTH })}
        {...(check.strength ? { describedBy: ratingId } : {})}
      >
        {(control) => (
          <input
            {...control}
            type="password"
            autoFocus={autoFocus}
            spellCheck={false}
            value={passphrase}
            onChange={(event) => props.onPassphraseChange(event.target.value)}
          />
        )}
      </Field>
      <PassphraseStrength id={ratingId} strength={check.strength} />

      <Field label={repeatLabel} error={check.mismatch ? t('create.mismatch') : undefined}>
        {(control) => (
          <input
            {...control}
            type="password"
            spellCheck={false}
            value={repeat}
            onChange={(event) => props.onRepeatChange(event.target.value)}
          />
        )}
      </Field>
    </>
  );
}
