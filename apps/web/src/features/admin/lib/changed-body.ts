/**
 * The update body of an edit form: the fields of the full body (`toBody(values)`) whose value differs
 * from the body the stored item gives (`toBody(toForm(item))`), leaving out those that never change
 * (codes). Empty when nothing changed: the API refuses an empty update, and there is nothing to save.
 */
export function changedBody(
  next: Record<string, unknown>,
  stored: Record<string, unknown>,
  immutable: readonly string[] = [],
): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(next).filter(
      ([field, value]) =>
        !immutable.includes(field) && value !== undefined && JSON.stringify(value) !== JSON.stringify(stored[field]),
    ),
  );
}
