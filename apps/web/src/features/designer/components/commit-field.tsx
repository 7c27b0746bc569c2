import { useId, useState } from 'react';
import type { ReactNode } from 'react';

/** Props of {@link CommitField}. */
export interface CommitFieldProps {
  label: ReactNode;
  value: string;
  /** The message for a value that cannot be used, or null. Runs on every keystroke. */
  validate?: (text: string) => string | null;
  /** Called on blur or Enter with a valid, changed value. */
  onCommit: (text: string) => void;
  multiline?: boolean;
  inputMode?: 'text' | 'numeric' | 'decimal';
  disabled?: boolean;
  hint?: ReactNode;
  /** A refusal from the server for the value as it stands (shown until the user changes it). */
  serverError?: string;
  /** Hand over every keystroke (dialog forms: their own checks gate the submit button). */
  commitOnChange?: boolean;
}

/**
 * A text field that is validated as you type and applied when you leave it (or press Enter), so
 * one edit is one undo step rather than one per keystroke. Remount it (React `key`) for another node.
 */
export function CommitField({
  label,
  value,
  validate,
  onCommit,
  multiline,
  inputMode,
  disabled,
  hint,
  commitOnChange = false,
  serverError,
}: CommitFieldProps) {
  const id = useId();
  const [text, setText] = useState(value);
  const [base, setBase] = useState(value);
  if (value !== base) {
    setBase(value);
    setText(value);
  }
  const [touched, setTouched] = useState(false);
  // An empty new field is not an error until the user has typed in it.
  const error =
    (validate && (touched || text !== '') ? validate(text) : null) ?? (text === value ? (serverError ?? null) : null);
  const commit = () => {
    if (error === null && text !== value) onCommit(text);
  };
  const change = (next: string) => {
    setText(next);
    setTouched(true);
    if (commitOnChange) onCommit(next);
  };
  const common = {
    id,
    className: `dz-input${error ? ' is-invalid' : ''}`,
    value: text,
    disabled,
    'aria-invalid': error ? true : undefined,
    'aria-describedby': error ? `${id}-error` : undefined,
    onBlur: commit,
  };
  return (
    <div className="dz-field">
      <label htmlFor={id} className="dz-field__label">
        {label}
      </label>
      {multiline ? (
        <textarea {...common} rows={3} onChange={(event) => change(event.target.value)} />
      ) : (
        <input
          {...common}
          inputMode={inputMode}
          onChange={(event) => change(event.target.value)}
          onKeyDown={(event) => {
            if (event.key === 'Enter') commit();
            if (event.key === 'Escape') setText(value);
          }}
        />
      )}
      {error ? (
        <span id={`${id}-error`} className="dz-field__error" role="alert">
          {error}
        </span>
      ) : hint ? (
        <span className="dz-field__hint">{hint}</span>
      ) : null}
    </div>
  );
}

/** Props of {@link SelectField}. */
export interface SelectFieldProps {
  label: ReactNode;
  value: string;
  options: readonly { value: string; label: string }[];
  onChange: (value: string) => void;
  disabled?: boolean;
  /** A message shown under the field (e.g. the current value is unknown). */
  error?: string | null;
}

/** A native select, applied at once. */
export function SelectField({ label, value, options, onChange, disabled, error }: SelectFieldProps) {
  const id = useId();
  return (
    <div className="dz-field">
      <label htmlFor={id} className="dz-field__label">
        {label}
      </label>
      <select
        id={id}
        className={`dz-input${error ? ' is-invalid' : ''}`}
        value={value}
        disabled={disabled}
        aria-invalid={error ? true : undefined}
        onChange={(event) => onChange(event.target.value)}
      >
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
      {error ? (
        <span className="dz-field__error" role="alert">
          {error}
        </span>
      ) : null}
    </div>
  );
}
