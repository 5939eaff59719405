import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ErrorCode } from '../../../core/api/errors';
import { request } from '../api';
import { Field } from '../components/Field';
import { errorKey } from '../errors';
import { applyLanguage, currentLanguage, LANGUAGES } from '../i18n';

interface Props {
  /** Whether to say what the choice covers; the first-run screens keep to the choice alone. */
  withHint?: boolean;
}

/**
 * The interface language, each offered in its own name. The interface switches at once; the
 * choice is saved as an installation setting, so it holds before the next unlock too.
 */
export function LanguagePicker({ withHint = false }: Props) {
  const { t } = useTranslation();
  const [errorCode, setErrorCode] = useState<ErrorCode | null>(null);

  async function choose(code: string) {
    setErrorCode(null);
    await applyLanguage(code);
    const language = currentLanguage();
    const result = await request((api) => api.updateSettings({ language }));
    if (!result.ok) setErrorCode(result.error.code);
  }

  return (
    <div className="language-picker">
      <Field
        label={t('language.label')}
        hint={withHint ? t('language.hint') : undefined}
        error={errorCode ? t(errorKey(errorCode)) : undefined}
      >
        {(control) => (
          <select
            {...control}
            value={currentLanguage()}
            onChange={(event) => void choose(event.target.value)}
          >
            {LANGUAGES.map(({ code, name }) => (
              <option key={code} value={code} lang={code}>
                {name}
              </option>
            ))}
          </select>
        )}
      </Field>
    </div>
  );
}
