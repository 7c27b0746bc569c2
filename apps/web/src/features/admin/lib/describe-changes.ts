/** One field a save changed, with what it showed before and after (as the screen shows values). */
export interface FieldChange<K extends string = string> {
  field: K;
  before: string;
  after: string;
}

/** How a value reads in a change summary; lists and objects compare by content. */
function show(value: unknown): string {
  if (value === null || value === undefined || value === '') return '—';
  if (Array.isArray(value)) return value.length === 0 ? '—' : value.map(show).join(', ');
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}

/**
 * The fields of `fields` whose shown value differs between the item before a save and the item the
 * API answered with: what "saved" tells the user, so a save never changes something silently and a
 * save that changed nothing says so. `format` gives a field its on-screen form (a skill list as
 * `cutting 3`, minutes as a time).
 */
export function describeChanges<T extends object, K extends keyof T & string>(
  before: T,
  after: T,
  fields: readonly K[],
  format: Partial<{ [F in K]: (value: T[F]) => string }> = {},
): FieldChange<K>[] {
  return fields.flatMap((field) => {
    const shown = (item: T) => {
      const formatter = format[field];
      return formatter ? formatter(item[field]) : show(item[field]);
    };
    const [was, is] = [shown(before), shown(after)];
    return was === is ? [] : [{ field, before: was, after: is }];
  });
}
