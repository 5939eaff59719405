import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ErrorCode } from '../../../core/api/errors';
import type { SyncIdentity } from '../../../core/api/sync';
import { requestUnlocked } from '../api';
import { ConfirmDialog } from '../components/ConfirmDialog';
import { Field } from '../components/Field';
import { errorKey } from '../errors';
import { InstallNameForm } from './InstallNameForm';
import { SaveContactForm } from './SaveContactForm';

type Loaded = { ok: true; identity: SyncIdentity } | { ok: false; code: ErrorCode };

/**
 * This installation's sharing identity: the name and key id colleagues see, the contact to give
 * them as a file or as text, and new keys when the old ones may have been exposed.
 */
export function IdentitySection({ readOnly }: { readOnly: boolean }) {
  const { t } = useTranslation();
  const headingId = useId();
  const [loaded, setLoaded] = useState<Loaded | null>(null);
  const [confirmRotate, setConfirmRotate] = useState(false);
  const [rotated, setRotated] = useState(false);
  const [copied, setCopied] = useState<'copied' | 'copyFailed' | null>(null);
  const [problem, setProblem] = useState<ErrorCode | null>(null);

  useEffect(() => {
    let current = true;
    void requestUnlocked((api) => api.syncIdentity()).then((result) => {
      if (!current) return;
      setLoaded(
        result.ok ? { ok: true, identity: result.value } : { ok: false, code: result.error.code },
      );
    });
    return () => {
      current = false;
    };
  }, []);

  async function rotate() {
    setConfirmRotate(false);
    setProblem(null);
    const result = await requestUnlocked((api) => api.rotateSyncKeys());
    if (!result.ok) {
      setProblem(result.error.code);
      return;
    }
    setLoaded({ ok: true, identity: result.value });
    setRotated(true);
  }

  async function copy(text: string) {
    try {
      await navigator.clipboard.writeText(text);
      setCopied('copied');
    } catch {
      // A clipboard the browser keeps closed: the text area can still be selected and copied.
      setCopied('copyFailed');
    }
  }

  return (
    <section className="sync-section" aria-labelledby={headingId}>
      <h3 id={headingId}>{t('sync.identity.heading')}</h3>
      {loaded === null ? (
        <p className="muted">{t('sync.loading')}</p>
      ) : !loaded.ok ? (
        <p role="alert" className="alert">
          {t(errorKey(loaded.code))}
        </p>
      ) : (
        <>
          <p className="muted">{t('sync.identity.lead')}</p>
          <InstallNameForm
            identity={loaded.identity}
            readOnly={readOnly}
            onSaved={(identity) => setLoaded({ ok: true, identity })}
          />
          <dl className="details">
            <div>
              <dt>{t('sync.identity.keyId')}</dt>
              <dd className="key-id">{loaded.identity.keyId}</dd>
            </div>
          </dl>
          {loaded.identity.retiredKeys > 0 && (
            <p className="muted">
              {t('sync.identity.retired', { count: loaded.identity.retiredKeys })}
            </p>
          )}
          <Field label={t('sync.identity.text')} hint={t('sync.identity.textHint')}>
            {(control) => (
              <textarea
                {...control}
                className="contact-text"
                readOnly
                rows={6}
                spellCheck={false}
                value={loaded.identity.contactText}
                onFocus={(event) => event.target.select()}
              />
            )}
          </Field>
          <div className="actions">
            <button
              type="button"
              className="button secondary"
              onClick={() => void copy(loaded.identity.contactText)}
            >
              {t('sync.identity.copy')}
            </button>
            <p role="status" className="status">
              {copied ? t(`sync.identity.${copied}`) : ''}
            </p>
          </div>
          <SaveContactForm />
          {problem && (
            <p role="alert" className="alert">
              {t(errorKey(problem))}
            </p>
          )}
          <div className="actions">
            <button
              type="button"
              className="button secondary"
              disabled={readOnly}
              onClick={() => setConfirmRotate(true)}
            >
              {t('sync.identity.rotate')}
            </button>
            <p role="status" className="status">
              {rotated ? t('sync.identity.rotated') : ''}
            </p>
          </div>
        </>
      )}
      <ConfirmDialog
        open={confirmRotate}
        title={t('sync.identity.rotateTitle')}
        body={t('sync.identity.rotateBody')}
        confirmLabel={t('sync.identity.rotateConfirm')}
        cancelLabel={t('sync.identity.rotateCancel')}
        onConfirm={() => void rotate()}
        onCancel={() => setConfirmRotate(false)}
      />
    </section>
  );
}
