import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ErrorCode } from '../../../core/api/errors';
import { THESAURI, type ThesaurusName, type ThesaurusTerm } from '../../../core/api/records';
import { requestUnlocked } from '../api';
import { Field } from '../components/Field';
import { Modal } from '../components/Modal';
import { errorKey } from '../errors';
import { TermForm } from './TermForm';
import { TermTable } from './TermTable';
import { useThesauri } from './ThesauriContext';

interface Props {
  readOnly: boolean;
  onClose: () => void;
}

/** The thesauri as data: every term with its labels, editable, addable, deprecatable. */
export function ThesaurusEditor({ readOnly, onClose }: Props) {
  const { t } = useTranslation();
  const { terms, reload } = useThesauri();
  const [thesaurus, setThesaurus] = useState<ThesaurusName>('release_type');
  /** 'new' while adding a term, else the term being edited. */
  const [editing, setEditing] = useState<'new' | ThesaurusTerm | null>(null);
  const [errorCode, setErrorCode] = useState<ErrorCode | null>(null);
  const list = terms?.[thesaurus] ?? [];

  async function toggleDeprecated(term: ThesaurusTerm) {
    setErrorCode(null);
    const result = await requestUnlocked((api) =>
      api.updateRecord({
        kind: 'thesaurusTerm',
        id: term.id,
        fields: { deprecated: !term.deprecated },
      }),
    );
    if (result.ok) reload();
    else setErrorCode(result.error.code);
  }

  return (
    <Modal
      title={t('thesauri.title')}
      closeLabel={t('thesauri.close')}
      onClose={onClose}
      className="thesauri"
    >
      <p className="muted">{t('thesauri.intro')}</p>
      <div className="thesaurus-bar">
        <Field label={t('thesauri.thesaurus')}>
          {(control) => (
            <select
              {...control}
              value={thesaurus}
              disabled={editing !== null}
              onChange={(event) => setThesaurus(event.target.value as ThesaurusName)}
            >
              {THESAURI.map((name) => (
                <option key={name} value={name}>
                  {t(`thesauri.names.${name}`)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <button
          type="button"
          className="button secondary"
          onClick={() => setEditing('new')}
          disabled={readOnly || editing !== null}
        >
          {t('thesauri.add')}
        </button>
      </div>
      <p className="hint">{t('thesauri.codesFixed')}</p>
      {readOnly && <p className="muted read-only-reason">{t('thesauri.readOnly')}</p>}
      {errorCode && (
        <p role="alert" className="alert">
          {t(errorKey(errorCode))}
        </p>
      )}

      {editing !== null && (
        <TermForm
          key={editing === 'new' ? 'new' : editing.id}
          thesaurus={thesaurus}
          term={editing === 'new' ? null : editing}
          codes={list.map((term) => term.code)}
          nextSort={list.reduce((max, term) => Math.max(max, term.sort + 1), 0)}
          onSaved={() => {
            setEditing(null);
            reload();
          }}
          onCancel={() => setEditing(null)}
        />
      )}

      {terms === null ? (
        <p className="muted">{t('thesauri.loading')}</p>
      ) : list.length === 0 ? (
        <p className="empty">{t('thesauri.empty')}</p>
      ) : (
        <TermTable
          terms={list}
          withAddress={thesaurus === 'facility'}
          readOnly={readOnly || editing !== null}
          onEdit={setEditing}
          onToggleDeprecated={(term) => void toggleDeprecated(term)}
        />
      )}
    </Modal>
  );
}
