import { useId, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { countryName } from '../../../core/api/countries';
import type { ControlProps } from '../components/Field';
import { coreLanguage } from '../language';
import { matchCountries, resolveCountry, SHOWN_COUNTRIES } from './countryMatch';

interface Props {
  control: ControlProps;
  /** The chosen code; or, while what is typed names no country, the text itself. */
  value: string;
  onChange: (value: string) => void;
}

/**
 * A combobox of countries by name in the interface language, storing the code. Typing filters
 * the list (by code or by name in any of the three languages); a whole name or code typed is
 * taken as it is, anything else stays as typed so that the form can say it names no country.
 */
export function CountryPicker({ control, value, onChange }: Props) {
  const { t, i18n } = useTranslation();
  const language = coreLanguage(i18n.language);
  const listId = useId();
  const nameOf = (code: string) => (code === '' ? '' : countryName(language, code));
  const [text, setText] = useState(() => nameOf(value));
  const [shownFor, setShownFor] = useState(value);
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(0);

  // Set from outside (Reset, a custom count applied): show that country's name.
  if (value !== shownFor) {
    setShownFor(value);
    if (value !== text && resolveCountry(text) !== value) setText(nameOf(value));
  }

  const matches = open ? matchCountries(text, language).slice(0, SHOWN_COUNTRIES) : [];
  const expanded = matches.length > 0;

  function type(next: string) {
    setText(next);
    setOpen(true);
    setActive(0);
    const code = resolveCountry(next);
    const reported = code ?? next.trim();
    setShownFor(reported);
    onChange(reported);
  }

  function choose(code: string) {
    setText(nameOf(code));
    setOpen(false);
    setShownFor(code);
    onChange(code);
  }

  function onKeyDown(event: KeyboardEvent<HTMLInputElement>) {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      if (!open) return setOpen(true);
      const step = event.key === 'ArrowDown' ? 1 : -1;
      setActive((index) => Math.min(Math.max(index + step, 0), Math.max(matches.length - 1, 0)));
    } else if (event.key === 'Enter' && expanded) {
      event.preventDefault();
      const option = matches[active];
      if (option) choose(option.code);
    } else if (event.key === 'Escape' && expanded) {
      // Closes the list, not the dialog the field may be in.
      event.preventDefault();
      event.stopPropagation();
      setOpen(false);
    }
  }

  const optionId = (index: number) => `${listId}-${index}`;
  return (
    <div className="country-picker">
      <input
        {...control}
        role="combobox"
        aria-expanded={expanded}
        aria-controls={listId}
        aria-autocomplete="list"
        aria-activedescendant={expanded ? optionId(active) : undefined}
        value={text}
        placeholder={t('figureNav.countryPlaceholder')}
        autoComplete="off"
        spellCheck={false}
        onChange={(event) => type(event.target.value)}
        onKeyDown={onKeyDown}
        onBlur={() => {
          setOpen(false);
          const code = resolveCountry(text);
          if (code) setText(nameOf(code));
        }}
      />
      <ul
        id={listId}
        role="listbox"
        aria-label={t('figureNav.countries')}
        className="country-options"
        hidden={!expanded}
      >
        {matches.map((option, index) => (
          <li
            key={option.code}
            id={optionId(index)}
            role="option"
            aria-selected={index === active}
            className={index === active ? 'country-option active' : 'country-option'}
            // Chosen before the input's blur closes the list.
            onMouseDown={(event) => {
              event.preventDefault();
              choose(option.code);
            }}
          >
            {option.name} <span className="country-code">{option.code}</span>
          </li>
        ))}
      </ul>
    </div>
  );
}
