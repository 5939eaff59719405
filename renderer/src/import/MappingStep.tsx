import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ErrorCode } from '../../../core/api/errors';
import {
  ImportTarget,
  type AppliedImportMapping,
  type ImportMapping,
  type ImportPreview,
  type ImportShape,
  type SavedImportMappingEntry,
} from '../../../core/api/import';
import { requestUnlocked } from '../api';
import { Field } from '../components/Field';
import { NeedsList } from '../components/NeedsList';
import { errorKey } from '../errors';
import { FileSummary } from './FileSummary';
import { columnSamples, mappingForCore, mappingNeeds, targetsFor, targetsTwice } from './mapping';

interface Props {
  /** The file as first read: columns, sample rows. */
  file: ImportPreview;
  shape: ImportShape;
  mapping: ImportMapping;
  onMappingChange: (mapping: ImportMapping) => void;
  busy: boolean;
  onBack: () => void;
  onCheck: () => void;
}

type SavedNote =
  | { kind: 'applied'; name: string; missing: AppliedImportMapping['missing'] }
  | { kind: 'saved'; name: string }
  | null;

/** Step 2: what each column of the file holds, with mappings saved for reuse. */
export function MappingStep(props: Props) {
  const { file, shape, mapping, onMappingChange, busy, onBack, onCheck } = props;
  const { t } = useTranslation();
  const needsId = useId();
  const idPrefix = useId();
  const [saved, setSaved] = useState<SavedImportMappingEntry[]>([]);
  const [chosen, setChosen] = useState('');
  const [newName, setNewName] = useState('');
  const [saving, setSaving] = useState(false);
  const [note, setNote] = useState<SavedNote>(null);
  const [errorCode, setErrorCode] = useState<ErrorCode | null>(null);

  useEffect(() => {
    let current = true;
    void requestUnlocked((api) => api.listImportMappings()).then((result) => {
      if (current && result.ok) setSaved(result.value);
    });
    return () => {
      current = false;
    };
  }, []);

  const ofShape = saved.filter((entry) => entry.shape === shape);
  const targets = targetsFor(shape);
  const twice = targetsTwice(mapping);
  const needs = mappingNeeds(shape, mapping);
  const ready = needs.length === 0;

  async function applySavedMapping(id: string) {
    setChosen(id);
    setErrorCode(null);
    const entry = ofShape.find((item) => item.id === id);
    if (!entry) {
      setNote(null);
      return;
    }
    // The core matches columns: the vault knows them by a key, not by name.
    const result = await requestUnlocked((api) =>
      api.applyImportMapping({ id, columns: file.columns }),
    );
    if (!result.ok) {
      setErrorCode(result.error.code);
      return;
    }
    const applied = result.value.mapping;
    onMappingChange(
      Object.fromEntries(file.columns.map((column) => [column, applied[column] ?? 'ignore'])),
    );
    setNote({ kind: 'applied', name: entry.name, missing: result.value.missing });
  }

  async function saveMapping() {
    const name = newName.trim();
    if (name === '' || saving || twice.size > 0) return;
    setSaving(true);
    setErrorCode(null);
    const result = await requestUnlocked((api) =>
      api.saveImportMapping({ name, shape, mapping: mappingForCore(mapping) }),
    );
    setSaving(false);
    if (!result.ok) {
      setErrorCode(result.error.code);
      return;
    }
    setSaved(result.value);
    setChosen(result.value.find((entry) => entry.name === name && entry.shape === shape)?.id ?? '');
    setNote({ kind: 'saved', name });
  }

  const renamed = new Map(file.renamedColumns.map((entry) => [entry.column, entry.original]));

  return (
    <div className="mapping-step">
      <FileSummary file={file} />
      <p className="muted">{t('import.columnsIntro')}</p>

      <div className="mapping-saved">
        <Field label={t('import.saved')}>
          {(control) => (
            <select
              {...control}
              value={chosen}
              onChange={(event) => void applySavedMapping(event.target.value)}
            >
              <option value="">{t('import.savedNone')}</option>
              {ofShape.map((entry) => (
                <option key={entry.id} value={entry.id}>
                  {entry.name}
                </option>
              ))}
            </select>
          )}
        </Field>
      </div>
      <p role="status" className="status">
        {note?.kind === 'applied'
          ? t('import.savedApplied', { name: note.name })
          : note?.kind === 'saved'
            ? t('import.mappingSaved', { name: note.name })
            : ''}
      </p>
      {note?.kind === 'applied' && note.missing.length > 0 && (
        <p className="hint">
          {t('import.savedMissing', {
            count: note.missing.length,
            fields: note.missing.map((target) => t(`import.targets.${target}`)).join(', '),
          })}
        </p>
      )}
      {errorCode && (
        <p role="alert" className="alert">
          {t(errorKey(errorCode))}
        </p>
      )}

      <div className="table-scroll">
        <table className="mapping-table">
          <thead>
            <tr>
              <th scope="col">{t('import.column')}</th>
              <th scope="col">{t('import.samples')}</th>
              <th scope="col">{t('import.target')}</th>
            </tr>
          </thead>
          <tbody>
            {file.columns.map((column, index) => {
              const target = mapping[column] ?? 'ignore';
              const original = renamed.get(column);
              const errorId = `${idPrefix}-${index}-error`;
              const isTwice = target !== 'ignore' && twice.has(target);
              const samples = columnSamples(file.sample, index);
              return (
                <tr key={column}>
                  <th scope="row">
                    {column}
                    {original !== undefined && (
                      <span className="hint mapping-renamed">
                        {original.trim() === ''
                          ? t('import.blankHeader')
                          : t('import.renamed', { original })}
                      </span>
                    )}
                  </th>
                  <td className="mapping-samples">
                    {samples.length > 0 ? samples.join(' · ') : t('import.noSamples')}
                  </td>
                  <td>
                    <select
                      aria-label={t('import.targetFor', { column })}
                      aria-invalid={isTwice ? true : undefined}
                      aria-describedby={isTwice ? errorId : undefined}
                      value={target}
                      onChange={(event) =>
                        onMappingChange({
                          ...mapping,
                          [column]: ImportTarget.parse(event.target.value),
                        })
                      }
                    >
                      <option value="ignore">{t('import.ignore')}</option>
                      {targets.map((option) => (
                        <option key={option} value={option}>
                          {t(`import.targets.${option}`)}
                        </option>
                      ))}
                    </select>
                    {isTwice && (
                      <p id={errorId} className="field-error">
                        {t('import.twice', { target: t(`import.targets.${target}`) })}
                      </p>
                    )}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>

      <NeedsList
        id={needsId}
        title={t('import.needsTitle')}
        needs={needs.map((need) => t(`import.needs.${need}`))}
      />

      <form
        className="mapping-save"
        onSubmit={(event) => {
          event.preventDefault();
          void saveMapping();
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
              value={newName}
              onChange={(event) => setNewName(event.target.value)}
            />
          )}
        </Field>
        <button
          type="submit"
          className="button secondary"
          disabled={newName.trim() === '' || twice.size > 0}
          aria-disabled={saving}
        >
          {saving ? t('import.savingMapping') : t('import.saveMapping')}
        </button>
      </form>

      <div className="actions">
        <button
          type="button"
          className="button primary"
          disabled={!ready}
          aria-disabled={busy}
          aria-describedby={ready ? undefined : needsId}
          onClick={() => {
            if (!busy) onCheck();
          }}
        >
          {busy ? t('import.rechecking') : t('import.recheck')}
        </button>
        <button type="button" className="button secondary" onClick={onBack}>
          {t('import.back')}
        </button>
      </div>
    </div>
  );
}
