import { z } from 'zod';
import { roleSchema } from './roles.ts';

/** The languages the app speaks. */
export const localeSchema = z.enum(['en', 'th']).describe('`en` English, `th` Thai.');

/** A language of the app. */
export type Locale = z.infer<typeof localeSchema>;

/** The caller as the web app shows it: who, which roles, team and skills (for the station's queue). */
export const meSchema = z
  .object({
    kind: z.enum(['user', 'apiKey']).describe('A signed-in person, or an integrator calling with an API key.'),
    id: z.string().describe('The user id, or the API key id.'),
    username: z.string().nullable().describe('Null for an API key.'),
    displayName: z.string(),
    roles: z.array(roleSchema),
    station: z.boolean().describe('True for a PIN (station) session.'),
    team: z.object({ id: z.string(), code: z.string(), name: z.string() }).nullable(),
    skills: z.array(z.object({ code: z.string(), name: z.string(), level: z.number().int() })),
    locale: localeSchema
      .nullable()
      .describe("The language the person chose; null until they choose (the device's applies) and for an API key."),
  })
  .meta({ id: 'Me' });

/** `PATCH /me`: what a person may change about themselves. */
export const updateMeSchema = z
  .strictObject({
    locale: localeSchema,
  })
  .meta({ id: 'UpdateMe' });

/** The body of `PATCH /me`. */
export type UpdateMe = z.infer<typeof updateMeSchema>;

/** The caller. */
export type Me = z.infer<typeof meSchema>;
