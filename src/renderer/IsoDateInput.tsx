import { useEffect, useId, useState } from 'react';
import { isIsoDate } from './iso-date.ts';
import { t } from './strings/t.ts';

interface Props {
  value: string;
  /** Called with a valid YYYY-MM-DD date, or '' when the field is emptied. */
  onChange(value: string): void;
  'aria-label'?: string;
  className?: string;
}

/**
 * A date field that reads and writes what the app stores, YYYY-MM-DD, whatever the browser's
 * locale (issue 14, item 12: `<input type="date">` showed 03/10/2019 or 10.03.2019 and wrote ISO).
 * What is not a date yet stays in the field with a sentence beside it saying what to type.
 */
export function IsoDateInput({ value, onChange, className, ...rest }: Props) {
  const [draft, setDraft] = useState(value);
  const hint = useId();
  useEffect(() => setDraft(value), [value]);
  const invalid = draft.trim() !== '' && !isIsoDate(draft.trim());
  return (
    <span className={`iso-date${className ? ` ${className}` : ''}`}>
      <input
        type="text"
        inputMode="numeric"
        placeholder={t('date.placeholder')}
        aria-label={rest['aria-label']}
        aria-invalid={invalid || undefined}
        aria-describedby={invalid ? hint : undefined}
        value={draft}
        maxLength={10}
        size={11}
        onChange={(e) => {
          const next = e.target.value;
          setDraft(next);
          if (next.trim() === '') onChange('');
          else if (isIsoDate(next.trim())) onChange(next.trim());
        }}
      />
      {invalid && (
        <span id={hint} className="error date-hint" role="alert">
          {t('date.invalid')}
        </span>
      )}
    </span>
  );
}
