import { ApiError } from '../api/problem.ts';

/** One API complaint about a form field, with the field named as the form names it. */
export interface ProblemField {
  name: string;
  message: string;
}

/**
 * The fields an API refusal names (`errors[]` of a 400 problem), as form field names: the body's
 * path `skills.0.level` is the form's `skills.0.level`. Only body fields belong to a form; a bad
 * query or header is the screen's mistake, not the user's.
 */
export function problemFields(error: unknown): ProblemField[] {
  if (!(error instanceof ApiError)) return [];
  return (error.problem.errors ?? [])
    .filter((field) => field.in === 'body' && field.path !== '' && field.path !== '(root)')
    .map((field) => ({ name: field.path, message: field.message }));
}
