import { Field } from '../components/Field';

interface Props {
  label: string;
  value: string;
  onChange: (value: string) => void;
  error?: string | undefined;
  hint?: string;
  /** A text area of this many rows instead of a one-line input. */
  rows?: number;
  className?: string;
  inputMode?: 'numeric' | 'text';
  placeholder?: string;
  readOnly?: boolean;
}

/** A labelled text input or text area with its hint and message. */
export function TextField(props: Props) {
  const { label, value, onChange, error, hint, rows, className, inputMode, placeholder } = props;
  const shared = {
    value,
    onChange: (event: { target: { value: string } }) => onChange(event.target.value),
    autoComplete: 'off',
    spellCheck: false,
    readOnly: props.readOnly,
  };
  return (
    <Field label={label} hint={hint} error={error} className={className}>
      {(control) =>
        rows === undefined ? (
          <input
            {...control}
            {...shared}
            type="text"
            inputMode={inputMode}
            placeholder={placeholder}
          />
        ) : (
          <textarea {...control} {...shared} rows={rows} />
        )
      }
    </Field>
  );
}
