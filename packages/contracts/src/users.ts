import { z } from 'zod';
import { roleSchema } from './roles.ts';
import { catalogCodeSchema, catalogNameSchema, nonEmptyUpdate } from './catalog.ts';
import { pageSchema } from './paging.ts';

/** A skill a user holds, by code, at a level from 1 (novice) to 5 (master). */
export const userSkillSchema = z
  .strictObject({ code: catalogCodeSchema, level: z.number().int().min(1).max(5) })
  .meta({ id: 'UserSkill' });

/**
 * A user as listed. `badgeId`, `hasPassword` and `hasPin` are shown to admins and managers only;
 * password and PIN hashes never leave the server.
 */
export const userSchema = z
  .object({
    id: z.uuid(),
    username: z.string(),
    displayName: z.string(),
    roles: z.array(roleSchema),
    team: z.string().nullable().describe('Team code.'),
    skills: z.array(z.object({ code: z.string(), level: z.number().int() })),
    present: z.boolean().describe('Attendance: only present operators are assignment candidates.'),
    active: z.boolean(),
    badgeId: z.string().nullable().optional(),
    hasPassword: z.boolean().optional(),
    hasPin: z.boolean().optional(),
  })
  .meta({ id: 'User' });

/** A page of users. */
export const userPageSchema = pageSchema(userSchema).meta({ id: 'UserPage' });

const rolesSchema = z
  .array(roleSchema)
  .min(1)
  .refine((roles) => new Set(roles).size === roles.length, 'List each role once');
const skillsSchema = z
  .array(userSkillSchema)
  .max(50)
  .refine((skills) => new Set(skills.map((skill) => skill.code)).size === skills.length, 'List each skill once');
const passwordSchema = z
  .string()
  .min(10, 'Use at least 10 characters')
  .max(200)
  .describe('Sets the sign-in password (stored hashed).');
const pinSchema = z
  .string()
  .regex(/^\d{4,8}$/, 'Use 4-8 digits')
  .nullable()
  .describe('Sets the station PIN (stored hashed); null removes it.');
const badgeSchema = z
  .string()
  .trim()
  .min(1)
  .max(40)
  .nullable()
  .describe('Badge printed on the operator card, for station login.');

/** Body of `POST /users`. */
export const createUserSchema = z
  .strictObject({
    username: catalogCodeSchema,
    displayName: catalogNameSchema,
    roles: rolesSchema,
    team: catalogCodeSchema.nullable().default(null),
    skills: skillsSchema.default([]),
    present: z.boolean().default(false),
    badgeId: badgeSchema.default(null),
    password: passwordSchema.optional(),
    pin: pinSchema.optional(),
  })
  .meta({ id: 'CreateUser' });

/** Body of `PATCH /users/:id`; `skills`, when given, replaces the whole set. */
export const updateUserSchema = nonEmptyUpdate({
  displayName: catalogNameSchema.optional(),
  roles: rolesSchema.optional(),
  team: catalogCodeSchema.nullable().optional(),
  skills: skillsSchema.optional(),
  present: z.boolean().optional(),
  badgeId: badgeSchema.optional(),
  password: passwordSchema.optional(),
  pin: pinSchema.optional(),
}).meta({ id: 'UpdateUser' });

/** Body of `PUT /users/:id/attendance`: present or absent, and why (sick, leave …) for an absence. */
export const attendanceSchema = z
  .strictObject({ present: z.boolean(), reason: z.string().trim().min(1).max(200).optional() })
  .meta({ id: 'Attendance' });

/** A user as the API shows it. */
export type User = z.infer<typeof userSchema>;
/** Body of a user creation. */
export type CreateUserBody = z.infer<typeof createUserSchema>;
/** Body of a user change. */
export type UpdateUserBody = z.infer<typeof updateUserSchema>;

/** `POST /users/{id}/unlock-sign-in`: whose lock-out was looked at, and whether there was one. */
export const unlockSignInSchema = z
  .object({
    userId: z.uuid(),
    unlocked: z.boolean().describe('False when the person was not locked out (nothing changed).'),
  })
  .meta({ id: 'SignInUnlock' });
