import type { Prisma } from '../generated/prisma/client.ts';
import type { ApiKeyView } from '@atelier/contracts';

/** The columns of an API key that may leave the server (not its hash). */
export const apiKeySelect = {
  id: true,
  name: true,
  prefix: true,
  role: true,
  createdAt: true,
  lastUsedAt: true,
  revokedAt: true,
  createdBy: { select: { id: true, displayName: true } },
} satisfies Prisma.ApiKeySelect;

type ApiKeyRow = Prisma.ApiKeyGetPayload<{ select: typeof apiKeySelect }>;

/** An API key row as the API shows it. */
export function toApiKeyView(row: ApiKeyRow): ApiKeyView {
  return {
    ...row,
    createdAt: row.createdAt.toISOString(),
    lastUsedAt: row.lastUsedAt?.toISOString() ?? null,
    revokedAt: row.revokedAt?.toISOString() ?? null,
  };
}
