/** A JSON column as a driver returns it: parsed already (pg, PGlite) or as text (some raw paths). */
export function jsonColumn<T>(value: unknown): T {
  return (typeof value === 'string' ? JSON.parse(value) : value) as T;
}
