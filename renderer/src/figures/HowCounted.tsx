import { useTranslation } from 'react-i18next';
import { DEFINITIONS, type DefinitionKey } from '../../../core/api/figureDefinitions';

interface Props {
  /** The definitions that make up the figure, in the order they are read. */
  definitions: readonly DefinitionKey[];
  /** Said after the definitions, such as how partial dates were treated here. */
  extra?: string;
}

/**
 * "How this is counted": the definition of the figure, from the same text the engine and
 * docs/methodology.md follow. On paper it is printed open, since a number without its
 * definition should not leave the building.
 */
export function HowCounted({ definitions, extra }: Props) {
  const { t } = useTranslation();
  const body = (
    <>
      {definitions.map((key) => (
        <p key={key}>{DEFINITIONS[key]}</p>
      ))}
      {extra && <p>{extra}</p>}
    </>
  );
  return (
    <>
      <details className="figures-how">
        <summary>{t('figures.howCounted')}</summary>
        <div className="figures-how-body">
          {body}
          <p className="muted">{t('figures.methodologyRef')}</p>
        </div>
      </details>
      <div className="figures-how-print" aria-hidden="true">
        {body}
      </div>
    </>
  );
}
