import { z } from 'zod';

/** `GET /api/v1/health`: the server is up and its database answers. */
export const healthSchema = z
  .object({
    status: z.literal('ok'),
    database: z.enum(['pglite', 'postgresql']),
    migrations: z.object({
      applied: z.number().int().min(0).describe('Migrations recorded in the database.'),
      latest: z.string().nullable().describe('Name of the last applied migration.'),
    }),
    version: z.string().describe('API release version.'),
  })
  .meta({ id: 'Health' });

/** The health report. */
export type Health = z.infer<typeof healthSchema>;
