import type { FormEvent, ReactNode, Ref } from 'react';
import { useTranslation } from 'react-i18next';
import type { ErrorCode } from '../../../core/api/errors';
import { errorKey } from '../errors';

interface Props {
  formRef?: Ref<HTMLFormElement>;
  onSubmit: (event: FormEvent) => void;
  onCancel: () => void;
  saving: boolean;
  alertCode: ErrorCode | null;
  /** The submit button's text, e.g. "Save event". */
  submitLabel: string;
  children: ReactNode;
}

/** The body of an inline form: its fields in a grid, a refusal if any, Save and Cancel. */
export function FormShell(props: Props) {
  const { formRef, onSubmit, onCancel, saving, alertCode, submitLabel, children } = props;
  const { t } = useTranslation();
  return (
    <form ref={formRef} onSubmit={onSubmit} noValidate autoComplete="off" aria-busy={saving}>
      {alertCode && (
        <p role="alert" className="alert">
          {t(errorKey(alertCode))}
        </p>
      )}
      <div className="form-grid">{children}</div>
      <div className="actions">
        {/* Not `disabled` while saving: that would drop the keyboard focus mid-save. */}
        <button type="submit" className="button primary" aria-disabled={saving}>
          {saving ? t('forms.saving') : submitLabel}
        </button>
        <button type="button" className="button secondary" onClick={onCancel}>
          {t('forms.cancel')}
        </button>
      </div>
    </form>
  );
}
