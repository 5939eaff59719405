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
  type ValueMap,
} from '../../../core/api/import';
import { requestUnlocked } from '../api';
import { Field } from '../components/Field';
import { NeedsList } from '../components/NeedsList';
import { errorKey } from '../errors';
import { FileSummary } from './FileSummary';
import { columnSamples, mappingForCore, mappingNeeds, targetsFor, targetsTwice } from './mapping';
import { SaveMappingForm } from './SaveMappingForm';
import {
  idColumns,
  invalidSchemeColumns,
  schemeInvalid,
  schemesForCore,
  schemesSeen,
  schemeText,
  type SchemeTexts,
} from './schemes';
import { valuesForCore } from './values';

interface Props {
  /** The file as first read: columns, sample rows. */
  file: ImportPreview;
  shape: ImportShape;
  mapping: ImportMapping;
  onMappingChange: (mapping: ImportMapping) => void;
  /** The id scheme typed for each column of external ids. */
  schemes: SchemeTexts;
  onSchemesChange: (schemes: SchemeTexts) => void;
  /** The value choices so far, saved with the mapping. */
  values: ValueMap;
  /** A saved mapping was applied: its value choices and schemes replace the ones held. */
  onApplied: (applied: AppliedImportMapping) => void;
  /** The name of the saved mapping in use, which saving again replaces. */
  mappingName: string;
  onMappingNameChange: (name: string) => void;
  busy: boolean;
  onBack: () => void;
  onCheck: () => void;
}

/** A saved mapping just applied, and the fields it found no column for. */
interface AppliedNote {
  name: string;
  missing: AppliedImportMapping['missing'];
}

/** Step 2: what each column of the file holds, with mappings saved for reuse. */
export function MappingStep(props: Props) {
  const { file, shape, mapping, onMappingChange, schemes, onSchemesChange, busy } = props;
  const { t } = useTranslation();
  const needsId = useId();
  const idPrefix = useId();
  const schemeListId = useId();
  const [saved, setSaved] = useState<SavedImportMappingEntry[]>([]);
  const [chosen, setChosen] = useState('');
  const [note, setNote] = useState<AppliedNote | null>(null);
  /** Schemes of the saved mappings applied in this dialog, offered in the list. */
  const [appliedSchemes, setAppliedSchemes] = useState<SchemeTexts>({});
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
  const badSchemes = invalidSchemeColumns(mapping, schemes);
  const needs = [
    ...mappingNeeds(shape, mapping),
    ...(badSchemes.length > 0 ? (['scheme'] as const) : []),
  ];
  const ready = needs.length === 0;
  const ids = new Set(idColumns(mapping));
  const offeredSchemes = schemesSeen(schemes, appliedSchemes);

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
    const applied = result.value;
    onMappingChange(
      Object.fromEntries(
        file.columns.map((column) => [column, applied.mapping[column] ?? 'ignore']),
      ),
    );
    props.onApplied(applied);
    props.onMappingNameChange(entry.name);
    setAppliedSchemes((seen) => ({ ...seen, ...applied.schemes }));
    setNote({ name: entry.name, missing: applied.missing });
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
        {note ? t('import.savedApplied', { name: note.name }) : ''}
      </p>
      {note && note.missing.length > 0 && (
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
                    {ids.has(column) && (
                      <SchemeInput
                        column={column}
                        id={`${idPrefix}-${index}-scheme`}
                        listId={schemeListId}
                        value={schemeText(schemes, column)}
                        onChange={(text) => onSchemesChange({ ...schemes, [column]: text })}
                      />
                    )}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
        <datalist id={schemeListId}>
          {offeredSchemes.map((scheme) => (
            <option key={scheme} value={scheme} />
          ))}
        </datalist>
      </div>

      <NeedsList
        id={needsId}
        title={t('import.needsTitle')}
        needs={needs.map((need) => t(`import.needs.${need}`))}
      />

      <SaveMappingForm
        shape={shape}
        mapping={mappingForCore(mapping)}
        values={valuesForCore(props.values)}
        schemes={schemesForCore(mapping, schemes)}
        name={props.mappingName}
        onNameChange={props.onMappingNameChange}
        blocked={twice.size > 0 || badSchemes.length > 0}
        onSaved={(entries, name) => {
          setSaved(entries);
          setChosen(
            entries.find((entry) => entry.name === name && entry.shape === shape)?.id ?? '',
          );
          setNote(null);
        }}
      />

      <div className="actions">
        <button
          type="button"
          className="button primary"
          disabled={!ready}
          aria-disabled={busy}
          aria-describedby={ready ? undefined : needsId}
          onClick={() => {
            if (!busy) props.onCheck();
          }}
        >
          {busy ? t('import.rechecking') : t('import.recheck')}
        </button>
        <button type="button" className="button secondary" onClick={props.onBack}>
          {t('import.back')}
        </button>
      </div>
    </div>
  );
}

interface SchemeInputProps {
  column: string;
  id: string;
  listId: string;
  value: string;
  onChange: (text: string) => void;
}

/** The register a column's ids belong to ("list", "court register"), under its field. */
function SchemeInput({ column, id, listId, value, onChange }: SchemeInputProps) {
  const { t } = useTranslation();
  const invalid = schemeInvalid(value);
  return (
    <div className="mapping-scheme">
      <label htmlFor={id}>{t('import.scheme')}</label>
      <input
        id={id}
        type="text"
        list={listId}
        maxLength={80}
        spellCheck={false}
        aria-label={t('import.schemeFor', { column })}
        aria-invalid={invalid ? true : undefined}
        aria-describedby={invalid ? `${id}-error` : undefined}
        value={value}
        onChange={(event) => onChange(event.target.value)}
      />
      {invalid && (
        <p id={`${id}-error`} className="field-error">
          {t('import.schemeInvalid')}
        </p>
      )}
    </div>
  );
}
