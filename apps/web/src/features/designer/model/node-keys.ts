/** A key not in `taken`, from a base name: `cutting`, then `cutting-2`, `cutting-3`… */
export function uniqueKey(base: string, taken: ReadonlySet<string>): string {
  const clean =
    base
      .toLowerCase()
      .replace(/[^a-z0-9_.-]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 56) || 'step';
  if (!taken.has(clean)) return clean;
  for (let n = 2; ; n++) {
    const key = `${clean}-${n}`;
    if (!taken.has(key)) return key;
  }
}
