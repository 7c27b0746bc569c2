import { z } from 'zod';
import { roleSchema } from './roles.ts';

/** An API key as admins see it: never its secret, which is shown once at creation. */
export const apiKeySchema = z
  .object({
    id: z.uuid(),
    name: z.string(),
    prefix: z.string().describe('The `af_<prefix>_` start of the key, to recognise it.'),
    role: roleSchema,
    createdAt: z.iso.datetime(),
    createdBy: z.object({ id: z.uuid(), displayName: z.string() }).nullable(),
    lastUsedAt: z.iso.datetime().nullable().describe('Updated at most once a minute.'),
    revokedAt: z.iso.datetime().nullable(),
  })
  .meta({ id: 'ApiKey' });

/** An API key. */
export type ApiKeyView = z.infer<typeof apiKeySchema>;

/** `POST /api-keys`: what the key is for and the role it acts with. */
export const createApiKeyBodySchema = z.strictObject({
  name: z.string().trim().min(1, 'name the key after the system that uses it').max(100),
  role: roleSchema.default('integrator').describe('The role the key acts with (default integrator).'),
});

/** The new key, with the full secret token: shown this once, never again. */
export const createdApiKeySchema = apiKeySchema
  .extend({
    key: z
      .string()
      .describe('`af_<prefix>_<secret>`: send as `Authorization: Bearer <key>`. Shown only in this response.'),
  })
  .meta({ id: 'CreatedApiKey' });

/** `/api-keys/{id}`. */
export const apiKeyParamsSchema = z.object({ id: z.uuid('id must be an API key id (UUID)') });
