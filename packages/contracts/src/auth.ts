import { z } from 'zod';
import { meSchema } from './me.ts';
import { pageQuerySchema } from './paging.ts';

/** `POST /auth/login`: the login form. */
export const passwordLoginBodySchema = z.strictObject({
  username: z.string().trim().min(1, 'enter your username').max(100),
  password: z.string().min(1, 'enter your password').max(200),
});

const pinSchema = z.string().regex(/^\d{4,8}$/, 'a PIN is 4 to 8 digits');

/** `POST /auth/pin`: station login by badge id (scanned or typed) or by user id (picked from a list), and PIN. */
export const pinLoginBodySchema = z.union([
  z.strictObject({ badgeId: z.string().trim().min(1).max(100), pin: pinSchema }),
  z.strictObject({ userId: z.uuid('userId must be a user id (UUID)'), pin: pinSchema }),
]);

/** A successful login: the signed-in user and when the session (cookie) expires. */
export const loginResponseSchema = z
  .object({
    user: meSchema,
    expiresAt: z.iso.datetime().describe('When the session ends; sign in again after it.'),
  })
  .meta({ id: 'Login' });

/** Someone who can sign in on a station, as its "pick your name" screen lists them. */
export const stationOperatorSchema = z
  .object({
    userId: z.uuid().describe('Send it to POST /auth/pin with the PIN.'),
    displayName: z.string(),
    team: z.object({ code: z.string(), name: z.string() }).nullable(),
    present: z.boolean().describe('At work today (attendance): the station shows present operators first.'),
    skills: z
      .array(z.object({ code: z.string(), name: z.string(), level: z.number().int() }))
      .describe('Skills with levels, for the name tile.'),
  })
  .meta({ id: 'StationOperator' });

/** `GET /auth/station-operators` filters. */
export const stationOperatorQuerySchema = pageQuerySchema.extend({
  team: z.string().min(1).max(100).optional().describe('A team code, e.g. ATELIER.'),
  present: z
    .enum(['true', 'false'])
    .optional()
    .transform((value) => (value === undefined ? undefined : value === 'true'))
    .describe('`true`: only those at work today; `false`: only the absent.'),
  qualifiedFor: z
    .uuid('qualifiedFor must be a work item id (UUID)')
    .optional()
    .describe("Only those with the skills and team this work item's step needs (hand-off: pick a colleague)."),
});

/** `GET /auth/station-operators` filters, as parsed. */
export type StationOperatorQuery = z.output<typeof stationOperatorQuerySchema>;

/** A station operator. */
export type StationOperator = z.infer<typeof stationOperatorSchema>;

/** `POST /auth/login` and `POST /auth/pin`: the signed-in user and when the session ends. */
export type SignInResult = z.infer<typeof loginResponseSchema>;

/** What a client sends to `POST /auth/login`. */
export type PasswordSignIn = z.input<typeof passwordLoginBodySchema>;

/** What a client sends to `POST /auth/pin`: the operator by badge (scanned or typed) or by user id, and the PIN. */
export type PinSignIn = z.input<typeof pinLoginBodySchema>;
