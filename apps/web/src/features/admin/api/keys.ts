import type { CatalogKind } from './catalog-kinds.ts';

/** Query keys of the admin screens, from one factory so mutations and live events find them. */
export const adminKeys = {
  all: ['admin'] as const,
  catalog: (kind: CatalogKind) => ['admin', 'catalog', kind] as const,
  apiKeys: () => ['admin', 'api-keys'] as const,
  stations: () => ['admin', 'stations'] as const,
};
