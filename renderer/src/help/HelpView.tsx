import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { HELP_SECTIONS, type HelpSection } from '../../../core/api/help';
import { Modal } from '../components/Modal';
import { currentLanguage } from '../i18n';
import { helpDocument } from './documents';
import { Markdown } from './Markdown';

interface Props {
  section: HelpSection;
  onSection: (section: HelpSection) => void;
  onClose: () => void;
}

const LABEL_KEYS = {
  gettingStarted: 'help.sections.gettingStarted',
  methodology: 'help.sections.methodology',
  threatModel: 'help.sections.threatModel',
  about: 'help.sections.about',
} as const;

/** The getting-started guide, the methodology and the threat model, and the version. */
export function HelpView({ section, onSection, onClose }: Props) {
  const { t } = useTranslation();
  const language = currentLanguage();
  const shown = section === 'about' ? null : helpDocument(section, language);
  const content = useRef<HTMLDivElement>(null);

  // A new section starts at its top, not where the last one was scrolled to. (A block body:
  // newer Chromium returns a promise from scrollTo, which React would take for a cleanup.)
  useEffect(() => {
    if (content.current) content.current.scrollTop = 0;
  }, [section]);

  return (
    <Modal title={t('help.title')} closeLabel={t('help.close')} onClose={onClose} className="help">
      <nav className="help-sections" aria-label={t('help.sectionsLabel')}>
        {HELP_SECTIONS.map((name) => (
          <button
            key={name}
            type="button"
            className="button secondary"
            aria-current={name === section ? 'page' : undefined}
            onClick={() => onSection(name)}
          >
            {t(LABEL_KEYS[name])}
          </button>
        ))}
      </nav>
      {shown && shown.language !== language && (
        <p className="hint" role="note">
          {t('help.englishOnly')}
        </p>
      )}
      <div
        ref={content}
        className="help-content"
        tabIndex={0}
        aria-label={t(LABEL_KEYS[section])}
        lang={shown?.language}
      >
        {shown ? <Markdown source={shown.source} topLevel={3} /> : <About />}
      </div>
    </Modal>
  );
}

function About() {
  const { t } = useTranslation();
  return (
    <>
      <h3>{t('app.name')}</h3>
      <p>{t('help.about.version', { version: __VIGIL_VERSION__ })}</p>
      <p>{t('help.about.summary')}</p>
      <p>{t('help.about.license')}</p>
    </>
  );
}
