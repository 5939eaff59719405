import { useTranslation } from 'react-i18next';
import { Field } from '../components/Field';
import { formatNumber } from '../format';

/** How many invented cases can be asked for: a quick look, a working set, a large register. */
export const DEMO_SIZES = [100, 1000, 10_000] as const;
export type DemoSize = (typeof DEMO_SIZES)[number];

export const DEFAULT_DEMO_SIZE: DemoSize = 1000;

interface Props {
  label: string;
  value: DemoSize;
  onChange: (size: DemoSize) => void;
  disabled?: boolean;
  className?: string;
}

/** A select of the demo sizes, written as the user's language writes numbers. */
export function DemoCountField({ label, value, onChange, disabled, className }: Props) {
  const { i18n } = useTranslation();
  return (
    <Field label={label} className={className}>
      {(control) => (
        <select
          {...control}
          value={value}
          disabled={disabled}
          onChange={(event) => {
            const size = DEMO_SIZES.find((option) => option === Number(event.target.value));
            if (size !== undefined) onChange(size);
          }}
        >
          {DEMO_SIZES.map((size) => (
            <option key={size} value={size}>
              {formatNumber(i18n.language, size)}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
}
