import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ErrorCode } from '../../../core/api/errors';
import type { Contact } from '../../../core/api/sync';
import { requestUnlocked } from '../api';
import { ConfirmDialog } from '../components/ConfirmDialog';
import { errorKey } from '../errors';
import { useThesauri } from '../thesauri/ThesauriContext';
import { formatMoment } from '../format';
import { daysAhead, scopeText } from './format';
import { ScopeDialog } from './ScopeDialog';
import { useReturnFocus } from './useReturnFocus';
import { VerifyDialog } from './VerifyDialog';

interface Props {
  contact: Contact;
  /** This installation's id: the engine names who verified by it when the name is unset. */
  installId: string;
  readOnly: boolean;
  /** The contact changed or is gone: the list loads again. */
  onChanged: () => void;
  onRemoved: (name: string) => void;
}

type Open = 'verify' | 'scope' | 'remove' | null;

/** One colleague: whether verified and by whom, what they may see, when bundles last went. */
export function ContactItem({ contact, installId, readOnly, onChanged, onRemoved }: Props) {
  const { t } = useTranslation();
  const { label } = useThesauri();
  const headingId = useId();
  const [open, setOpen] = useState<Open>(null);
  const [problem, setProblem] = useState<ErrorCode | null>(null);
  const rememberOpener = useReturnFocus(open === 'verify' || open === 'scope');
  const when = (iso: string | null) => (iso ? formatMoment(t, iso) : t('sync.never'));

  async function remove() {
    setOpen(null);
    setProblem(null);
    const result = await requestUnlocked((api) => api.removeContact({ id: contact.id }));
    if (!result.ok) {
      setProblem(result.error.code);
      return;
    }
    onRemoved(contact.name);
  }

  return (
    <li className="contact" aria-labelledby={headingId}>
      <div className="contact-head">
        <h4 id={headingId}>{contact.name}</h4>
        <span className={contact.verified ? 'badge verified' : 'badge unverified'}>
          {contact.verified ? t('sync.list.verified') : t('sync.list.notVerifiedBadge')}
        </span>
      </div>
      {contact.verified ? (
        contact.verifiedAt && (
          <p className="muted">
            {contact.verifiedBy
              ? t('sync.list.verifiedBy', {
                  who:
                    contact.verifiedBy === installId
                      ? t('sync.list.thisComputer')
                      : contact.verifiedBy,
                  date: formatMoment(t, contact.verifiedAt),
                })
              : t('sync.list.verifiedOn', {
                  date: formatMoment(t, contact.verifiedAt),
                })}
          </p>
        )
      ) : (
        <p className="contact-unverified">{t('sync.list.notVerified')}</p>
      )}
      {contact.clockAheadMs !== null && (
        <p className="warning" role="note">
          {t('sync.list.clockAhead', {
            name: contact.name,
            count: daysAhead(contact.clockAheadMs),
          })}
        </p>
      )}
      <dl className="details">
        {contact.introducedBy && (
          <div>
            <dt>{t('sync.list.introducedBy')}</dt>
            <dd>{contact.introducedBy}</dd>
          </div>
        )}
        <div>
          <dt>{t('sync.list.scope')}</dt>
          <dd>{scopeText(t, contact, (code) => label('region', code))}</dd>
        </div>
        <div>
          <dt>{t('sync.list.lastSent')}</dt>
          <dd>{when(contact.lastSentAt)}</dd>
        </div>
        <div>
          <dt>{t('sync.list.lastReceived')}</dt>
          <dd>{when(contact.lastReceivedAt)}</dd>
        </div>
      </dl>
      {problem && (
        <p role="alert" className="alert">
          {t(errorKey(problem))}
        </p>
      )}
      <div className="item-actions">
        <button
          type="button"
          className={contact.verified ? 'button secondary small' : 'button primary small'}
          onClick={(event) => {
            rememberOpener(event);
            setOpen('verify');
          }}
        >
          {contact.verified ? t('sync.list.fingerprint') : t('sync.list.verify')}
        </button>
        <button
          type="button"
          className="button secondary small"
          onClick={(event) => {
            rememberOpener(event);
            setOpen('scope');
          }}
        >
          {t('sync.list.editScope')}
        </button>
        <button
          type="button"
          className="button secondary small"
          disabled={readOnly}
          onClick={() => setOpen('remove')}
        >
          {t('sync.list.remove')}
        </button>
      </div>

      {open === 'verify' && (
        <VerifyDialog
          contact={contact}
          readOnly={readOnly}
          onVerified={onChanged}
          onClose={() => setOpen(null)}
        />
      )}
      {open === 'scope' && (
        <ScopeDialog
          contact={contact}
          readOnly={readOnly}
          onSaved={onChanged}
          onClose={() => setOpen(null)}
        />
      )}
      <ConfirmDialog
        open={open === 'remove'}
        title={t('sync.list.removeTitle', { name: contact.name })}
        body={t('sync.list.removeBody', { name: contact.name })}
        confirmLabel={t('sync.list.removeConfirm')}
        cancelLabel={t('sync.list.removeCancel')}
        onConfirm={() => void remove()}
        onCancel={() => setOpen(null)}
      />
    </li>
  );
}
