import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ErrorCode } from '../../../core/api/errors';
import type {
  ImportMapping,
  ImportSchemes,
  ImportShape,
  SavedImportMappingEntry,
  ValueMap,
} from '../../../core/api/import';
import { requestUnlocked } from '../api';
import { Field } from '../components/Field';
import { errorKey } from '../errors';

interface Props {
  shape: ImportShape;
  /** As sent to the core: see mappingForCore, valuesForCore and schemesForCore. */
  mapping: ImportMapping;
  values: ValueMap;
  schemes: ImportSchemes;
  /** The name of the mapping in use, offered again so that saving replaces it. */
  name: string;
  onNameChange: (name: string) => void;
  /** The mapping cannot be saved as it stands (two columns fill one field). */
  blocked: boolean;
  onSaved: (entries: SavedImportMappingEntry[], name: string) => void;
}

/**
 * Saves the columns, their id schemes and the value choices under a name, in the vault. A name
 * already used for this shape is replaced, so saving again after the value step adds the values.
 */
export function SaveMappingForm(props: Props) {
  const { shape, mapping, values, schemes, name, onNameChange, blocked, onSaved } = props;
  const { t } = useTranslation();
  const [saving, setSaving] = useState(false);
  const [savedName, setSavedName] = useState<string | null>(null);
  const [errorCode, setErrorCode] = useState<ErrorCode | null>(null);

  async function save() {
    const trimmed = name.trim();
    if (trimmed === '' || saving || blocked) return;
    setSaving(true);
    setErrorCode(null);
    setSavedName(null);
    const result = await requestUnlocked((api) =>
      api.saveImportMapping({ name: trimmed, shape, mapping, values, schemes }),
    );
    setSaving(false);
    if (!result.ok) {
      setErrorCode(result.error.code);
      return;
    }
    setSavedName(trimmed);
    onSaved(result.value, trimmed);
  }

  return (
    <form
      className="mapping-save"
      onSubmit={(event) => {
        event.preventDefault();
        void save();
      }}
      noValidate
      autoComplete="off"
    >
      <Field label={t('import.saveAs')} hint={t('import.saveAsHint')}>
        {(control) => (
          <input
            {...control}
            type="text"
            maxLength={100}
            spellCheck={false}
            value={name}
            onChange={(event) => {
              setSavedName(null);
              onNameChange(event.target.value);
            }}
          />
        )}
      </Field>
      <button
        type="submit"
        className="button secondary"
        disabled={name.trim() === '' || blocked}
        aria-disabled={saving}
      >
        {saving ? t('import.savingMapping') : t('import.saveMapping')}
      </button>
      <p role="status" className="status mapping-save-status">
        {savedName !== null ? t('import.mappingSaved', { name: savedName }) : ''}
      </p>
      {errorCode && (
        <p role="alert" className="alert">
          {t(errorKey(errorCode))}
        </p>
      )}
    </form>
  );
}
