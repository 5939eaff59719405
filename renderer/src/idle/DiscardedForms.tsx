import type { TFunction } from 'i18next';
import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { UnsavedForm } from '../../../core/api/contract';
import { request, requestUnlocked } from '../api';

/** A discarded form in words, e.g. "the details of <name>". */
async function describe(form: UnsavedForm, t: TFunction): Promise<string> {
  if (form.personId === null) return t('idle.forms.newPerson');
  const person = await requestUnlocked((api) => api.getPerson({ id: form.personId! }));
  const name = person.ok ? person.value.name : t('idle.forms.unknownPerson');
  return t(`idle.forms.${form.form}`, { name });
}

/**
 * After an unlock: "Unsaved changes to … were discarded when Vigil locked", one line per form
 * the last lock discarded, until dismissed. The host hands the list over once.
 */
export function DiscardedForms() {
  const { t } = useTranslation();
  const titleId = useId();
  const [lines, setLines] = useState<string[]>([]);

  useEffect(() => {
    let current = true;
    void request((api) => api.takeDiscardedForms()).then(async (result) => {
      if (!result.ok || result.value.forms.length === 0) return;
      const named = await Promise.all(result.value.forms.map((form) => describe(form, t)));
      if (current) setLines(named.map((form) => t('idle.discarded', { form })));
    });
    return () => {
      current = false;
    };
  }, [t]);

  if (lines.length === 0) return null;
  return (
    <div className="notice" role="alert" aria-labelledby={titleId}>
      <p id={titleId}>
        <strong>{t('idle.discardedTitle')}</strong>
      </p>
      <ul>
        {lines.map((line) => (
          <li key={line}>{line}</li>
        ))}
      </ul>
      <button type="button" className="button secondary" onClick={() => setLines([])}>
        {t('idle.dismiss')}
      </button>
    </div>
  );
}
