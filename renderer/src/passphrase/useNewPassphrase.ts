import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import {
  MIN_PASSPHRASE_LENGTH,
  MIN_SCORE,
  estimateStrength,
  folderWords,
  passphraseLength,
  type Strength,
} from './strength';

export interface NewPassphraseCheck {
  strength: Strength | null;
  /** The repeat field is filled in and differs. */
  mismatch: boolean;
  /** What is still missing, as sentences; empty when the passphrase may be used. */
  needs: string[];
}

/**
 * The one rule for a new passphrase, on the create screen and when changing it: the same
 * minimum length and strength, and typed twice. `folder` adds its words to the guesses.
 */
export function useNewPassphrase(
  passphrase: string,
  repeat: string,
  folder: string,
): NewPassphraseCheck {
  const { t } = useTranslation();
  const strength = useMemo(
    () => (passphrase ? estimateStrength(passphrase, folderWords(folder)) : null),
    [passphrase, folder],
  );
  const length = passphraseLength(passphrase);
  const mismatch = repeat !== '' && repeat !== passphrase;

  const needs: string[] = [];
  if (length < MIN_PASSPHRASE_LENGTH) {
    needs.push(t('create.needs.length', { min: MIN_PASSPHRASE_LENGTH, count: length }));
  }
  if (strength === null || strength.score < MIN_SCORE) needs.push(t('create.needs.strength'));
  if (repeat === '' || mismatch) needs.push(t('create.needs.repeat'));
  return { strength, mismatch, needs };
}
