import { useId } from 'react';
import type { InputHTMLAttributes, ReactNode } from 'react';
import { FormProvider, get, useFormContext } from 'react-hook-form';
import type { FieldError, FieldValues, Path, SubmitHandler, UseFormReturn } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { problemFields } from '../lib/problem-fields.ts';

/**
 * A react-hook-form form: the fields below reach it through context. Validation is the resolver's
 * (`zodResolver(schemaFromContracts)`), so the browser's own bubbles are off (`noValidate`).
 */
export function Form<T extends FieldValues>({
  form,
  onSubmit,
  className,
  children,
}: {
  form: UseFormReturn<T>;
  onSubmit: SubmitHandler<T>;
  className?: string;
  children: ReactNode;
}) {
  return (
    <FormProvider {...form}>
      <form noValidate className={className} onSubmit={form.handleSubmit(onSubmit)}>
        {children}
      </form>
    </FormProvider>
  );
}

/**
 * Marks every field an API refusal names (`errors[]` of its problem) on `form`, so the message
 * shows beside the field while the form keeps what the user typed. Returns how many were marked:
 * 0 means the problem is about the whole form (show it above the buttons).
 */
export function showProblemOnFields<T extends FieldValues>(form: UseFormReturn<T>, error: unknown): number {
  const fields = problemFields(error);
  fields.forEach((field, index) =>
    form.setError(field.name as Path<T>, { type: 'server', message: field.message }, { shouldFocus: index === 0 }),
  );
  return fields.length;
}

/** The ids a field's control needs so its label, hint and error are read with it. */
export interface FieldControlProps {
  id: string;
  'aria-invalid': boolean;
  'aria-describedby': string | undefined;
}

/** Props of {@link Field}. */
export interface FieldProps {
  /** The form field's name (`skills.0.level` for nested ones). */
  name: string;
  label: ReactNode;
  hint?: ReactNode;
  /** Station size: taller control, larger type. */
  large?: boolean;
  /** Renders the control with the ids it needs. */
  children: (control: FieldControlProps) => ReactNode;
}

function FieldMessage({ id, error }: { id: string; error: FieldError }) {
  const { t, i18n } = useTranslation();
  // The API words its field messages in English; other languages get a plain sentence of their own.
  const message = error.type === 'server' && i18n.language !== 'en' ? t('form.rejected') : error.message;
  if (!message) return null;
  return (
    <p id={id} className="field__error">
      {message}
    </p>
  );
}

/** A labelled form control with its hint and, beside it, what is wrong with it. */
export function Field({ name, label, hint, large = false, children }: FieldProps) {
  const {
    formState: { errors },
  } = useFormContext();
  const error = get(errors, name) as FieldError | undefined;
  const id = useId();
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  const describedBy = [hintId, errorId].filter(Boolean).join(' ') || undefined;
  return (
    <div className={`field${large ? ' field--large' : ''}${error ? ' field--invalid' : ''}`}>
      <label className="field__label" htmlFor={id}>
        {label}
      </label>
      {children({ id, 'aria-invalid': Boolean(error), 'aria-describedby': describedBy })}
      {hint ? (
        <p id={hintId} className="field__hint">
          {hint}
        </p>
      ) : null}
      {error && errorId ? <FieldMessage id={errorId} error={error} /> : null}
    </div>
  );
}

/** Props of {@link TextField}: a native input's, but `name` is required and the label is the kit's. */
export interface TextFieldProps extends Omit<InputHTMLAttributes<HTMLInputElement>, 'name' | 'id' | 'children'> {
  name: string;
  label: ReactNode;
  hint?: ReactNode;
  large?: boolean;
  /** Read the value as a number (`valueAsNumber`), for numeric schemas. */
  numeric?: boolean;
}

/** A text (or number, password …) input registered with the surrounding {@link Form}. */
export function TextField({ name, label, hint, large, numeric = false, className, ...inputProps }: TextFieldProps) {
  const { register } = useFormContext();
  return (
    <Field name={name} label={label} hint={hint} large={large}>
      {(control) => (
        <input
          {...inputProps}
          {...control}
          {...register(name, numeric ? { valueAsNumber: true } : undefined)}
          className={`field__input${className ? ` ${className}` : ''}`}
        />
      )}
    </Field>
  );
}
