import { zodResolver } from '@hookform/resolvers/zod';
import type { ReactNode } from 'react';
import { get, useForm } from 'react-hook-form';
import type { DefaultValues, FieldError, FieldValues, Resolver, UseFormReturn } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { Button } from '../../../components/button.tsx';
import { Dialog } from '../../../components/dialog.tsx';
import { Form } from '../../../components/form.tsx';
import { useFieldMessages } from '../hooks/use-field-messages.ts';
import { useShowSaveProblem } from '../hooks/use-show-save-problem.ts';

/** Props of {@link EntryFormDialog}. */
export interface EntryFormDialogProps<V extends FieldValues> {
  title: ReactNode;
  onClose: () => void;
  /** The form's schema, built from the shared `@atelier/contracts` pieces. */
  schema: z.ZodType<V, V>;
  defaultValues: DefaultValues<V>;
  submitLabel: ReactNode;
  /** Saves; a rejection is shown on the form (beside the fields it names) and the dialog stays open. */
  onSave: (values: V) => Promise<void>;
  /** Close when the save worked (default); false when the caller shows what came back instead. */
  closeOnSave?: boolean;
  /** The fields, given the form (for field arrays and watched values). */
  children: (form: UseFormReturn<V>) => ReactNode;
}

/**
 * A create or edit form in a dialog: validated with the shared schemas before anything is sent,
 * closed only when the save worked. Mount it when it opens, so it starts from `defaultValues`.
 */
export function EntryFormDialog<V extends FieldValues>({
  title,
  onClose,
  schema,
  defaultValues,
  submitLabel,
  onSave,
  closeOnSave = true,
  children,
}: EntryFormDialogProps<V>) {
  const { t } = useTranslation('admin');
  const messages = useFieldMessages();
  const check = zodResolver(schema);
  // The schema decides what is wrong; the catalog says it, in the user's language.
  const resolver: Resolver<V> = async (values, context, options) => {
    const result = await check(values, context, options);
    for (const [name, message] of Object.entries(messages)) {
      const error = get(result.errors, name) as FieldError | undefined;
      if (error) error.message = message;
    }
    return result;
  };
  const form = useForm<V>({ resolver, defaultValues, mode: 'onTouched' });
  const showProblem = useShowSaveProblem();
  const submit = async (values: V) => {
    try {
      await onSave(values);
      if (closeOnSave) onClose();
    } catch (error) {
      showProblem(form, error);
    }
  };
  const formProblem = form.formState.errors.root?.server?.message;
  return (
    <Dialog open onOpenChange={(open) => (open ? undefined : onClose())} title={title} size="wide">
      <Form form={form} onSubmit={submit} className="admin-form">
        <div className="admin-form__fields">{children(form)}</div>
        {formProblem ? (
          <p className="admin-form__problem" role="alert">
            {formProblem}
          </p>
        ) : null}
        {/* The buttons are inside the form (not the dialog's footer) so Enter and "Save" submit it. */}
        <div className="admin-form__buttons">
          <Button onClick={onClose}>{t('actions.cancel')}</Button>
          <Button type="submit" variant="primary" pending={form.formState.isSubmitting}>
            {submitLabel}
          </Button>
        </div>
      </Form>
    </Dialog>
  );
}
