import { useTranslation } from 'react-i18next';
import type { SendPreview } from '../../../core/api/sync';
import { counted } from './format';

/**
 * What the one file brings each chosen contact, and what it leaves out: kept back by what that
 * contact may see, or left out because another recipient of the same file may not see it.
 */
export function SendPreviewList({ preview }: { preview: SendPreview }) {
  const { t, i18n } = useTranslation();
  const changes = (count: number) => counted(t, i18n.language, 'changes', count);
  const persons = (count: number) => counted(t, i18n.language, 'persons', count);
  return (
    <section className="send-preview" aria-label={t('sync.send.previewHeading')}>
      <h3>{t('sync.send.previewHeading')}</h3>
      <ul>
        {preview.contacts.map((contact) => (
          <li key={contact.contactId}>
            <p>
              {t('sync.send.gets', {
                name: contact.name,
                changes: changes(contact.changes),
                persons: persons(contact.persons),
              })}
            </p>
            {contact.withheldChanges > 0 && (
              <p className="muted">
                {t('sync.send.withheld', {
                  name: contact.name,
                  changes: changes(contact.withheldChanges),
                  persons: persons(contact.withheldPersons),
                })}
              </p>
            )}
            {contact.withheldForOthers > 0 && (
              <p className="muted">
                {t('sync.send.withheldForOthers', {
                  name: contact.name,
                  changes: changes(contact.withheldForOthers),
                })}
              </p>
            )}
          </li>
        ))}
      </ul>
      <p className="send-total">
        {t('sync.send.total', {
          changes: changes(preview.changes),
          persons: persons(preview.persons),
        })}
      </p>
    </section>
  );
}
