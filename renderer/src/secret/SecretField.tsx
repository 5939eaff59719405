import { useEffect, useRef, type KeyboardEvent, type RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import { Field } from '../components/Field';
import type { SecretMode } from './secret';

interface Props {
  mode: SecretMode;
  onModeChange: (mode: SecretMode) => void;
  value: string;
  onChange: (value: string) => void;
  /** The passphrase field's label, e.g. "Passphrase" or "Current passphrase". */
  passphraseLabel: string;
  passphraseHint?: string;
  /** Lets the parent focus whichever control is shown, e.g. after a wrong secret. */
  controlRef?: RefObject<HTMLElement | null>;
  autoFocus?: boolean;
}

/** A passphrase field that can be swapped for a textarea taking the twelve recovery words. */
export function SecretField(props: Props) {
  const { mode, onModeChange, value, onChange, passphraseLabel, passphraseHint } = props;
  const { controlRef, autoFocus } = props;
  const { t } = useTranslation();
  const own = useRef<HTMLElement | null>(null);
  const toggled = useRef(false);

  useEffect(() => {
    // Only after the user switched: on first render the parent's autoFocus decides.
    if (toggled.current) own.current?.focus();
    toggled.current = false;
  }, [mode]);

  const bindRef = (element: HTMLElement | null) => {
    own.current = element;
    if (controlRef) controlRef.current = element;
  };

  // The words never contain a line break, so Enter submits like it does in the passphrase field.
  function submitOnEnter(event: KeyboardEvent<HTMLTextAreaElement>) {
    if (event.key !== 'Enter' || event.shiftKey || event.nativeEvent.isComposing) return;
    event.preventDefault();
    event.currentTarget.form?.requestSubmit();
  }

  return (
    <div className="secret-field">
      {mode === 'passphrase' ? (
        <Field label={passphraseLabel} {...(passphraseHint ? { hint: passphraseHint } : {})}>
          {(control) => (
            <input
              {...control}
              ref={bindRef}
              type="password"
              spellCheck={false}
              autoFocus={autoFocus}
              value={value}
              onChange={(event) => onChange(event.target.value)}
            />
          )}
        </Field>
      ) : (
        <Field label={t('unlock.recoveryKey')} hint={t('unlock.recoveryKeyHint')}>
          {(control) => (
            <textarea
              {...control}
              ref={bindRef}
              rows={3}
              spellCheck={false}
              autoCapitalize="off"
              autoCorrect="off"
              autoFocus={autoFocus}
              value={value}
              onChange={(event) => onChange(event.target.value)}
              onKeyDown={submitOnEnter}
            />
          )}
        </Field>
      )}
      <button
        type="button"
        className="button link secret-toggle"
        onClick={() => {
          toggled.current = true;
          // What was typed for one secret is never sent as the other.
          onChange('');
          onModeChange(mode === 'passphrase' ? 'recoveryKey' : 'passphrase');
        }}
      >
        {mode === 'passphrase' ? t('unlock.useRecoveryKey') : t('unlock.usePassphrase')}
      </button>
    </div>
  );
}
