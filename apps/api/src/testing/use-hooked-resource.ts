import { afterAll, beforeAll } from 'vitest';

/**
 * Registers hooks that open a resource before the calling `describe`'s tests and close it after
 * them; returns its getter, which throws when called outside the tests (a misuse, not an outcome).
 */
export function useHookedResource<T>(
  open: () => Promise<T>,
  close: (resource: T) => Promise<void>,
  timeoutMs?: number,
): () => T {
  let resource: { readonly value: T } | undefined;
  beforeAll(async () => {
    resource = { value: await open() };
  }, timeoutMs);
  afterAll(() => (resource === undefined ? undefined : close(resource.value)));
  return () => {
    if (resource === undefined) throw new Error('A test resource is used before its beforeAll ran');
    return resource.value;
  };
}
