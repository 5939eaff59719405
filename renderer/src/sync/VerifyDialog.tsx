import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ErrorCode } from '../../../core/api/errors';
import type { Contact, Fingerprint } from '../../../core/api/sync';
import { requestUnlocked } from '../api';
import { Field } from '../components/Field';
import { Modal } from '../components/Modal';
import { errorKey } from '../errors';
import { formatMoment } from '../format';
import { digitGroups } from './format';
import { QrCode } from './QrCode';

interface Props {
  contact: Contact;
  readOnly: boolean;
  onVerified: (contact: Contact) => void;
  onClose: () => void;
}

type Loaded = { ok: true; fingerprint: Fingerprint } | { ok: false; code: ErrorCode };

/**
 * The fingerprint both screens show, as digits and as a QR code. The user confirms the digits
 * they see match the colleague's, or types the colleague's digits; the engine compares them, so
 * a mismatch is never recorded as verified.
 */
export function VerifyDialog({ contact, readOnly, onVerified, onClose }: Props) {
  const { t } = useTranslation();
  const [loaded, setLoaded] = useState<Loaded | null>(null);
  const [typed, setTyped] = useState('');
  const [typedMissing, setTypedMissing] = useState(false);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<ErrorCode | null>(null);
  const [verified, setVerified] = useState(false);

  useEffect(() => {
    let current = true;
    void requestUnlocked((api) => api.contactFingerprint({ id: contact.id })).then((result) => {
      if (!current) return;
      setLoaded(
        result.ok
          ? { ok: true, fingerprint: result.value }
          : { ok: false, code: result.error.code },
      );
    });
    return () => {
      current = false;
    };
  }, [contact.id]);

  async function verify(digits: string) {
    if (busy) return;
    setBusy(true);
    setProblem(null);
    const result = await requestUnlocked((api) => api.verifyContact({ id: contact.id, digits }));
    setBusy(false);
    if (!result.ok) {
      setProblem(result.error.code);
      return;
    }
    setVerified(true);
    onVerified(result.value);
  }

  function submitTyped(event: FormEvent) {
    event.preventDefault();
    if (typed.trim() === '') {
      setTypedMissing(true);
      return;
    }
    void verify(typed);
  }

  const canVerify = !readOnly && !busy && !verified;
  return (
    <Modal
      title={t('sync.verify.title', { name: contact.name })}
      closeLabel={t('sync.verify.close')}
      onClose={onClose}
      className="verify-dialog"
    >
      {loaded === null ? (
        <p className="muted">{t('sync.verify.loading')}</p>
      ) : !loaded.ok ? (
        <p role="alert" className="alert">
          {t(errorKey(loaded.code))}
        </p>
      ) : (
        <>
          <p>{t('sync.verify.lead')}</p>
          {contact.verified && contact.verifiedAt && (
            <p className="muted">
              {t('sync.verify.already', { date: formatMoment(t, contact.verifiedAt) })}
            </p>
          )}
          <div className="fingerprint">
            <p
              className="fingerprint-digits"
              data-testid="fingerprint-digits"
              aria-label={t('sync.verify.digitsLabel')}
            >
              {digitGroups(loaded.fingerprint.digits).map((group, index) => (
                <span key={index}>{group} </span>
              ))}
            </p>
            <QrCode qr={loaded.fingerprint.qr} label={t('sync.verify.qrLabel')} />
          </div>
          {problem && (
            <p role="alert" className="alert">
              {t(errorKey(problem))}
            </p>
          )}
          <div className="actions">
            <button
              type="button"
              className="button primary"
              disabled={!canVerify}
              onClick={() => void verify(loaded.fingerprint.digits)}
            >
              {t('sync.verify.match')}
            </button>
            <p role="status" className="status">
              {verified ? t('sync.verify.done', { name: contact.name }) : ''}
            </p>
          </div>
          <form
            className="fingerprint-typed"
            onSubmit={submitTyped}
            noValidate
            autoComplete="off"
            aria-label={t('sync.verify.typedHeading')}
          >
            <h3>{t('sync.verify.typedHeading')}</h3>
            <Field
              label={t('sync.verify.typed')}
              hint={t('sync.verify.typedHint')}
              error={typedMissing ? t('sync.verify.needTyped') : undefined}
            >
              {(control) => (
                <input
                  {...control}
                  type="text"
                  inputMode="numeric"
                  spellCheck={false}
                  value={typed}
                  onChange={(event) => {
                    setTyped(event.target.value);
                    setTypedMissing(false);
                  }}
                />
              )}
            </Field>
            <button type="submit" className="button secondary" disabled={!canVerify}>
              {busy ? t('sync.verify.checking') : t('sync.verify.check')}
            </button>
          </form>
        </>
      )}
    </Modal>
  );
}
