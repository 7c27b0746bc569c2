import type { ReactNode } from 'react';
import { useFormContext, get } from 'react-hook-form';
import type { FieldError } from 'react-hook-form';
import type { SelectOption } from './select-field.tsx';
import './checkbox-group.css';

/** Props of {@link CheckboxGroupField}. */
export interface CheckboxGroupFieldProps {
  /** A form field holding an array of the checked values. */
  name: string;
  legend: ReactNode;
  /** The checked values are these strings (react-hook-form gives a checkbox group as strings). */
  options: readonly SelectOption[];
}

/**
 * Several checkboxes for one list field (roles, weekdays), as a fieldset with its error below.
 * Each box is a label of at least 44 px, so a finger hits it as easily as a mouse.
 */
export function CheckboxGroupField({ name, legend, options }: CheckboxGroupFieldProps) {
  const {
    register,
    formState: { errors },
  } = useFormContext();
  const error = get(errors, name) as FieldError | undefined;
  return (
    <fieldset className={`field checkbox-group${error ? ' field--invalid' : ''}`} aria-invalid={Boolean(error)}>
      <legend className="field__label">{legend}</legend>
      <div className="checkbox-group__options">
        {options.map((option) => (
          <label key={option.value} className="checkbox-group__option">
            <input type="checkbox" value={option.value} {...register(name)} />
            {option.label}
          </label>
        ))}
      </div>
      {error?.message ? <p className="field__error">{error.message}</p> : null}
    </fieldset>
  );
}
