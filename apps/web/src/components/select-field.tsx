import type { ReactNode, SelectHTMLAttributes } from 'react';
import { useFormContext } from 'react-hook-form';
import { Field } from './form.tsx';

/** One choice of a {@link SelectField}. */
export interface SelectOption {
  value: string;
  label: string;
}

/** Props of {@link SelectField}. */
export interface SelectFieldProps extends Omit<SelectHTMLAttributes<HTMLSelectElement>, 'name' | 'id' | 'children'> {
  name: string;
  label: ReactNode;
  hint?: ReactNode;
  options: readonly SelectOption[];
  /** A first "none" choice with the value "" (an optional reference). */
  emptyLabel?: string;
  /** Read the value as a number (a level). */
  numeric?: boolean;
}

/** A native select registered with the surrounding form (native: best on touch screens and screen readers). */
export function SelectField({ name, label, hint, options, emptyLabel, numeric = false, ...rest }: SelectFieldProps) {
  const { register } = useFormContext();
  return (
    <Field name={name} label={label} hint={hint}>
      {(control) => (
        <select
          {...rest}
          {...control}
          {...register(name, numeric ? { valueAsNumber: true } : undefined)}
          className="field__input field__select"
        >
          {emptyLabel === undefined ? null : <option value="">{emptyLabel}</option>}
          {options.map((option) => (
            <option key={option.value} value={option.value}>
              {option.label}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
}
