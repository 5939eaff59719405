import {
  createContext,
  useCallback,
  useContext,
  useEffect,
  useMemo,
  useState,
  type ReactNode,
} from 'react';
import { useTranslation } from 'react-i18next';
import { THESAURI, type ThesaurusName, type ThesaurusTerm } from '../../../core/api/records';
import { requestUnlocked } from '../api';
import { termLabel } from './labels';

type Terms = Record<ThesaurusName, ThesaurusTerm[]>;

interface Thesauri {
  /** Every term, deprecated ones included; null until loaded. */
  terms: Terms | null;
  /** The label of a stored code; the code itself when the thesaurus no longer has it. */
  label: (thesaurus: ThesaurusName, code: string) => string;
  /** Loads them again, after an edit or an undo. */
  reload: () => void;
}

const ThesauriContext = createContext<Thesauri | null>(null);

async function loadAll(): Promise<Terms | null> {
  const results = await Promise.all(
    THESAURI.map((thesaurus) =>
      requestUnlocked((api) => api.listThesaurus({ thesaurus, includeDeprecated: true })),
    ),
  );
  const terms: Partial<Terms> = {};
  for (const [index, result] of results.entries()) {
    if (!result.ok) return null;
    terms[THESAURI[index]!] = result.value;
  }
  return terms as Terms;
}

/**
 * Loads every thesaurus once for the open vault. They are small (tens to hundreds of terms), and
 * the list, the forms and the timeline all need their labels; deprecated terms are kept so that
 * old records still show a label.
 */
export function ThesauriProvider({ children }: { children: ReactNode }) {
  const { i18n } = useTranslation();
  const [terms, setTerms] = useState<Terms | null>(null);
  const [generation, setGeneration] = useState(0);

  useEffect(() => {
    let current = true;
    void loadAll().then((loaded) => {
      if (current && loaded) setTerms(loaded);
    });
    return () => {
      current = false;
    };
  }, [generation]);

  const reload = useCallback(() => setGeneration((count) => count + 1), []);
  const language = i18n.language;
  const value = useMemo<Thesauri>(() => {
    const byCode = new Map<string, ThesaurusTerm>();
    for (const thesaurus of THESAURI) {
      for (const term of terms?.[thesaurus] ?? []) byCode.set(`${thesaurus}/${term.code}`, term);
    }
    return {
      terms,
      reload,
      label: (thesaurus, code) => {
        const term = byCode.get(`${thesaurus}/${code}`);
        return term ? termLabel(term, language) : code;
      },
    };
  }, [terms, reload, language]);

  return <ThesauriContext.Provider value={value}>{children}</ThesauriContext.Provider>;
}

export function useThesauri(): Thesauri {
  const thesauri = useContext(ThesauriContext);
  if (!thesauri) throw new Error('useThesauri outside ThesauriProvider');
  return thesauri;
}
