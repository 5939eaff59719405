import {
  createContext,
  lazy,
  Suspense,
  useContext,
  useEffect,
  useState,
  type ReactNode,
} from 'react';
import { HELP_SECTIONS, helpEventName, type HelpSection } from '../../../core/api/help';

// The documents are large and read now and then, so they load with the view, not with the app.
const HelpView = lazy(() => import('./HelpView').then((module) => ({ default: module.HelpView })));

const OpenHelp = createContext<(section: HelpSection) => void>(() => undefined);

/** Opens the Help view at a section, from any screen. */
export function useOpenHelp(): (section: HelpSection) => void {
  return useContext(OpenHelp);
}

/**
 * Holds the Help view above every screen, so it opens the same way before a vault exists and
 * after; the native Help menu reaches it through the window events the preload fires.
 */
export function HelpProvider({ children }: { children: ReactNode }) {
  const [section, setSection] = useState<HelpSection | null>(null);

  useEffect(() => {
    const listeners = HELP_SECTIONS.map((name) => {
      const listener = () => setSection(name);
      window.addEventListener(helpEventName(name), listener);
      return () => window.removeEventListener(helpEventName(name), listener);
    });
    return () => listeners.forEach((remove) => remove());
  }, []);

  return (
    <OpenHelp.Provider value={setSection}>
      {children}
      {section !== null && (
        <Suspense fallback={null}>
          <HelpView section={section} onSection={setSection} onClose={() => setSection(null)} />
        </Suspense>
      )}
    </OpenHelp.Provider>
  );
}
