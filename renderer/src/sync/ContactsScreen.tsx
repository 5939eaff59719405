import { useCallback, useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ErrorCode } from '../../../core/api/errors';
import type { Contact } from '../../../core/api/sync';
import { requestUnlocked } from '../api';
import { errorKey } from '../errors';
import { AddContactForm } from './AddContactForm';
import { ConflictQueue } from './ConflictQueue';
import { ContactItem } from './ContactItem';
import { IdentitySection } from './IdentitySection';
import { ReceiveDialog } from './ReceiveDialog';
import { SendDialog } from './SendDialog';
import { useReturnFocus } from './useReturnFocus';
import './sync.css';

interface Props {
  installId: string;
  readOnly: boolean;
  /** Back to the case list and person page. */
  onClose: () => void;
  /** A bundle was applied or a conflict settled: the cases and the conflict count changed. */
  onVaultChanged: () => void;
}

/** What a new user does first, in order, each step naming the section or button it uses. */
const STEPS = [
  'sync.list.step1',
  'sync.list.step2',
  'sync.list.step3',
  'sync.list.step4',
  'sync.list.step5',
] as const;

type Loaded = { ok: true; contacts: Contact[] } | { ok: false; code: ErrorCode };

/**
 * Sharing with colleagues: this installation's identity, its contacts, sending and receiving
 * bundles, and the conflicts waiting for review. A full-width view in place of the cases.
 */
export function ContactsScreen({ installId, readOnly, onClose, onVaultChanged }: Props) {
  const { t } = useTranslation();
  const listHeadingId = useId();
  const headingRef = useRef<HTMLHeadingElement>(null);
  const [loaded, setLoaded] = useState<Loaded | null>(null);
  const [generation, setGeneration] = useState(0);
  const [conflictToken, setConflictToken] = useState(0);
  const [dialog, setDialog] = useState<'send' | 'receive' | null>(null);
  const [removed, setRemoved] = useState<string | null>(null);
  const rememberOpener = useReturnFocus(dialog !== null);

  useEffect(() => headingRef.current?.focus(), []);

  useEffect(() => {
    let current = true;
    void requestUnlocked((api) => api.listContacts()).then((result) => {
      if (!current) return;
      setLoaded(
        result.ok ? { ok: true, contacts: result.value } : { ok: false, code: result.error.code },
      );
    });
    return () => {
      current = false;
    };
  }, [generation]);

  const reloadContacts = useCallback(() => setGeneration((count) => count + 1), []);
  const received = useCallback(() => {
    reloadContacts();
    setConflictToken((count) => count + 1);
    onVaultChanged();
  }, [reloadContacts, onVaultChanged]);

  const contacts = loaded?.ok ? loaded.contacts : [];
  return (
    <div className="contacts-view" role="region" aria-labelledby="contacts-heading">
      <div className="contacts-head">
        <div>
          <h2 id="contacts-heading" ref={headingRef} tabIndex={-1} className="contacts-title">
            {t('sync.title')}
          </h2>
          <p className="muted">{t('sync.context')}</p>
        </div>
        <div className="contacts-head-actions">
          <button
            type="button"
            className="button secondary"
            onClick={(event) => {
              rememberOpener(event);
              setDialog('send');
            }}
          >
            {t('sync.send.open')}
          </button>
          <button
            type="button"
            className="button secondary"
            onClick={(event) => {
              rememberOpener(event);
              setDialog('receive');
            }}
          >
            {t('sync.receive.open')}
          </button>
          <button type="button" className="button primary" onClick={onClose}>
            {t('sync.back')}
          </button>
        </div>
      </div>

      <div className="contacts-body">
        <ConflictQueue
          installId={installId}
          readOnly={readOnly}
          refreshToken={conflictToken}
          onResolved={onVaultChanged}
        />
        <section className="sync-section" aria-labelledby={listHeadingId}>
          <h3 id={listHeadingId}>{t('sync.list.heading')}</h3>
          <p role="status" className="status">
            {removed ? t('sync.list.removed', { name: removed }) : ''}
          </p>
          {loaded === null ? (
            <p className="muted">{t('sync.loading')}</p>
          ) : !loaded.ok ? (
            <p role="alert" className="alert">
              {t(errorKey(loaded.code))}
            </p>
          ) : loaded.contacts.length === 0 ? (
            <>
              <p className="empty">{t('sync.list.none')}</p>
              <p>{t('sync.list.stepsIntro')}</p>
              <ol className="sync-steps">
                {STEPS.map((step) => (
                  <li key={step}>{t(step)}</li>
                ))}
              </ol>
            </>
          ) : (
            <ul className="contact-list" aria-labelledby={listHeadingId}>
              {loaded.contacts.map((contact) => (
                <ContactItem
                  key={contact.id}
                  contact={contact}
                  installId={installId}
                  readOnly={readOnly}
                  onChanged={reloadContacts}
                  onRemoved={(name) => {
                    setRemoved(name);
                    reloadContacts();
                  }}
                />
              ))}
            </ul>
          )}
        </section>
        <AddContactForm
          readOnly={readOnly}
          onAdded={() => {
            setRemoved(null);
            reloadContacts();
          }}
        />
        <IdentitySection readOnly={readOnly} />
      </div>

      {dialog === 'send' && (
        <SendDialog
          contacts={contacts}
          readOnly={readOnly}
          onSent={reloadContacts}
          onClose={() => setDialog(null)}
        />
      )}
      {dialog === 'receive' && (
        <ReceiveDialog readOnly={readOnly} onReceived={received} onClose={() => setDialog(null)} />
      )}
    </div>
  );
}
