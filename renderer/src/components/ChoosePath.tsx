import { forwardRef, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ErrorCode } from '../../../core/api/errors';
import type { PathPurpose, PickedPath } from '../../../core/api/pickers';
import { request } from '../api';
import { errorKey } from '../errors';
import { Field } from './Field';

interface Props {
  label: string;
  hint?: string;
  /** An error of the form about this choice, already translated. */
  error?: string | undefined;
  purpose: PathPurpose;
  /** A file name the save dialog offers first. */
  suggestedName?: string;
  value: PickedPath | null;
  onChange: (picked: PickedPath) => void;
}

/**
 * A "Choose…" button in place of a path field: the host shows its own file or folder dialog
 * and the form keeps only the token and the name it returns. A cancelled dialog keeps the
 * choice as it was. The button carries the field's label, so it is found by that label.
 */
export const ChoosePath = forwardRef<HTMLButtonElement, Props>(function ChoosePath(
  { label, hint, error, purpose, suggestedName, value, onChange },
  ref,
) {
  const { t } = useTranslation();
  const chosenId = useId();
  const [busy, setBusy] = useState(false);
  const [pickError, setPickError] = useState<ErrorCode | null>(null);

  async function choose() {
    if (busy) return;
    setBusy(true);
    setPickError(null);
    const result = await request((api) =>
      api.pickPath({ purpose, ...(suggestedName ? { suggestedName } : {}) }),
    );
    setBusy(false);
    if (!result.ok) setPickError(result.error.code);
    else if (result.value) onChange(result.value);
  }

  const shownError = pickError ? t(errorKey(pickError)) : error;
  return (
    <Field label={label} hint={hint} error={shownError} describedBy={chosenId}>
      {(control) => (
        <div className="choose-path">
          <button
            {...control}
            ref={ref}
            type="button"
            className="button"
            aria-disabled={busy}
            onClick={() => void choose()}
          >
            {t('pickers.choose')}
          </button>
          <span id={chosenId} className={value ? 'chosen-path' : 'chosen-path muted'}>
            {value ? value.label : t('pickers.nothingChosen')}
          </span>
        </div>
      )}
    </Field>
  );
});
