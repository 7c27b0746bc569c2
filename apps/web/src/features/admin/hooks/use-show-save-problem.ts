import type { FieldValues, Path, UseFormReturn } from 'react-hook-form';
import { ApiError } from '../../../api/problem.ts';
import { problemFields } from '../../../lib/problem-fields.ts';
import { useProblemWords } from './use-problem-words.ts';

/** The form key of a refusal about the whole form, not one field (shown above its buttons). */
export const FORM_PROBLEM = 'root.server';

/**
 * Shows a failed save on the form: each field the API names gets the message beside it (in plain
 * words when the code has some), anything else goes above the buttons. The form keeps every value
 * the user typed, so nothing is lost and a corrected save is one click away.
 */
export function useShowSaveProblem() {
  const words = useProblemWords();
  return <V extends FieldValues>(form: UseFormReturn<V>, error: unknown): void => {
    const code = error instanceof ApiError ? error.problem.code : undefined;
    const plain = code === undefined ? undefined : words(code);
    const fields = problemFields(error);
    fields.forEach((field, index) =>
      form.setError(
        field.name as Path<V>,
        // 'api' (not 'server'): the kit shows 'server' messages in English only, these are translated.
        plain === undefined ? { type: 'server', message: field.message } : { type: 'api', message: plain },
        { shouldFocus: index === 0 },
      ),
    );
    if (fields.length === 0) {
      const message = plain ?? (error instanceof ApiError ? error.problem.detail : String(error));
      form.setError(FORM_PROBLEM as Path<V>, { type: 'server', message });
    }
  };
}
