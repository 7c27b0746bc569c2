import { catalogCodeSchema, catalogNameSchema, createUserSchema, userSkillSchema } from '@atelier/contracts';
import type { Role, User } from '@atelier/contracts';
import { z } from 'zod';
import { optionalCode } from './optional-code.ts';

const blank = z.literal('');

/**
 * The user form, from the shared pieces of `createUserSchema`: the same rules the API applies,
 * with "" for what a form leaves empty (no team, no badge, password or PIN unchanged).
 */
export const userFormSchema = z.object({
  username: catalogCodeSchema,
  displayName: catalogNameSchema,
  roles: createUserSchema.shape.roles,
  team: optionalCode,
  skills: z
    .array(userSkillSchema)
    .max(50)
    .refine((skills) => new Set(skills.map((skill) => skill.code)).size === skills.length, {
      message: 'List each skill once',
    }),
  badgeId: z.union([blank, z.string().trim().min(1).max(40)]),
  password: z.union([blank, createUserSchema.shape.password.unwrap()]),
  pin: z.union([blank, createUserSchema.shape.pin.unwrap().unwrap()]),
  present: z.boolean(),
});

/** What the user form holds. */
export type UserForm = z.infer<typeof userFormSchema>;

/** An empty user form: an operator, no skills yet. */
export const BLANK_USER: UserForm = {
  username: '',
  displayName: '',
  roles: ['operator' satisfies Role],
  team: '',
  skills: [],
  badgeId: '',
  password: '',
  pin: '',
  present: false,
};

/** The form of a stored user: credentials are never shown, so they start empty ("keep"). */
export function userToForm(user: User): UserForm {
  return {
    username: user.username,
    displayName: user.displayName,
    roles: [...user.roles],
    team: user.team ?? '',
    skills: user.skills.map((skill) => ({ ...skill })),
    badgeId: user.badgeId ?? '',
    password: '',
    pin: '',
    present: user.present,
  };
}

/** The API body of the form: no team or badge is null; an empty password or PIN is left out (kept). */
export function userFormToBody({ password, pin, ...values }: UserForm): Record<string, unknown> {
  return {
    ...values,
    team: values.team || null,
    badgeId: values.badgeId || null,
    ...(password ? { password } : {}),
    ...(pin ? { pin } : {}),
  };
}
