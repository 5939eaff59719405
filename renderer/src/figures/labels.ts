import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import {
  AGE_BANDS,
  OVER_60,
  STAGES,
  type AgeBand,
  type Stage,
} from '../../../core/api/figureDefinitions';
import { countryName } from '../../../core/api/countries';
import type { BreakdownDimension } from '../../../core/api/figures';
import { Sex } from '../../../core/api/records';
import { formatPartialDate } from '../dates';
import { formatNumber, formatPercent } from '../format';
import { coreLanguage } from '../language';
import { useThesauri } from '../thesauri/ThesauriContext';

/** Words and number formats of the dashboard, in the UI language. */
export interface FigureLabels {
  t: TFunction;
  /** 1,500 */
  number: (value: number) => string;
  /** 0.9% */
  percent: (ratio: number) => string;
  /** 6 May 2024 */
  date: (iso: string) => string;
  releaseType: (code: string | null) => string;
  riskCategory: (code: string) => string;
  /** The label of a breakdown cell's key; null is "Not recorded". */
  breakdownKey: (dimension: BreakdownDimension, key: string | null) => string;
  country: (code: string) => string;
}

const THESAURUS_OF = {
  region: 'region',
  article: 'article',
  facility: 'facility',
} as const;

export function useFigureLabels(): FigureLabels {
  const { t, i18n } = useTranslation();
  const { label } = useThesauri();
  const language = i18n.language;

  return useMemo(() => {
    // From the core's list: Chromium's region names have no Belarusian.
    const country = (code: string) => {
      const name = countryName(coreLanguage(language), code);
      return name !== code ? t('figures.country', { name, code }) : code;
    };
    const riskCategory = (code: string) => {
      const text = label('risk_category', code);
      return text === code && code === OVER_60 ? t('figures.risk.over60') : text;
    };
    const breakdownKey = (dimension: BreakdownDimension, key: string | null): string => {
      if (key === null) return t('figures.notRecorded');
      switch (dimension) {
        case 'region':
        case 'article':
        case 'facility':
          return label(THESAURUS_OF[dimension], key);
        case 'citizenship':
          return country(key);
        case 'sex': {
          const sex = Sex.safeParse(key);
          return sex.success ? t(`person.sexes.${sex.data}`) : key;
        }
        case 'ageBand':
          return (AGE_BANDS as readonly string[]).includes(key)
            ? t(`figures.ageBands.${key as AgeBand}`)
            : key;
        case 'stage':
          return (STAGES as readonly string[]).includes(key)
            ? t(`figures.stages.${key as Stage}`)
            : key;
      }
    };
    return {
      t,
      number: (value) => formatNumber(language, value),
      percent: (ratio) => formatPercent(language, ratio),
      date: (iso) => formatPartialDate(t, iso),
      releaseType: (code) =>
        code === null ? t('figures.typeNotRecorded') : label('release_type', code),
      riskCategory,
      breakdownKey,
      country,
    };
  }, [t, label, language]);
}
