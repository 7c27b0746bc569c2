import { endUserSessions } from '../auth/end-user-sessions.ts';
import { hashPassword } from '../auth/password.ts';
import type { Role } from '../auth/roles.ts';
import { bodyFieldProblem, HttpProblem } from '../plugins/http-problem.ts';
import { byIdOrCode } from '../db/by-id-or-code.ts';
import type { CreateUserBody, UpdateUserBody, User } from '@atelier/contracts';
import type { CatalogClient, CatalogResource } from './catalog-resource.ts';
import { resolveCodes, resolveOptionalCode } from './resolve-reference.ts';
import { conflictOnDuplicate } from './unique-violation.ts';

/** Credentials as stored: hashes only (`null` pin hash removes the PIN). */
interface Credentials {
  passwordHash?: string;
  pinHash?: string | null;
}

/** A new user as stored: the body with password and PIN replaced by their hashes. */
export type CreateUser = Omit<CreateUserBody, 'password' | 'pin'> & Credentials;
/** A user change as stored. */
export type UpdateUser = Omit<UpdateUserBody, 'password' | 'pin'> & Credentials;

/** Hashes the password and PIN of a request body (slow on purpose: done before the transaction). */
export async function hashCredentials<Body extends { password?: string | undefined; pin?: string | null | undefined }>({
  password,
  pin,
  ...rest
}: Body): Promise<Omit<Body, 'password' | 'pin'> & Credentials> {
  return {
    ...rest,
    ...(password === undefined ? {} : { passwordHash: await hashPassword(password) }),
    ...(pin === undefined ? {} : { pinHash: pin === null ? null : await hashPassword(pin) }),
  };
}

const select = {
  id: true,
  username: true,
  displayName: true,
  roles: true,
  present: true,
  active: true,
  badgeId: true,
  passwordHash: true,
  pinHash: true,
  team: { select: { code: true } },
  skills: { select: { level: true, skill: { select: { code: true } } }, orderBy: { skill: { code: 'asc' } } },
} as const;

interface UserRow {
  id: string;
  username: string;
  displayName: string;
  roles: Role[];
  present: boolean;
  active: boolean;
  badgeId: string | null;
  passwordHash: string | null;
  pinHash: string | null;
  team: { code: string } | null;
  skills: { level: number; skill: { code: string } }[];
}

function toUser({ team, skills, passwordHash, pinHash, ...row }: UserRow): User {
  return {
    ...row,
    team: team?.code ?? null,
    skills: skills.map((held) => ({ code: held.skill.code, level: held.level })),
    hasPassword: passwordHash !== null,
    hasPin: pinHash !== null,
  };
}

/** Replaces the user's skill levels with `skills` (codes resolved inside the transaction). */
async function writeSkills(
  client: CatalogClient,
  userId: string,
  skills: readonly { code: string; level: number }[] | undefined,
): Promise<void> {
  if (skills === undefined) return;
  const ids = await resolveCodes(
    client,
    'skill',
    skills.map((skill) => skill.code),
    (index) => `skills.${index}.code`,
  );
  await client.userSkill.deleteMany({ where: { userId } });
  await client.userSkill.createMany({
    data: skills.map((skill) => ({ userId, skillId: ids.get(skill.code) as string, level: skill.level })),
  });
}

/**
 * The factory must keep someone who can manage users: taking the admin role from, or deactivating,
 * the last active admin is refused (409 `LAST_ADMIN`).
 *
 * Two admins demoting each other at once would each see the other still in office and both win,
 * so the check locks every active admin's row (in id order, so two checks never deadlock) and
 * decides on what it locked: a concurrent change waits for this transaction and then re-reads
 * the rows it locks, seeing this one's result. Whether the user is an admin is also taken from
 * the locked rows, not from `user`, which was read before the lock.
 */
async function keepAnAdmin(client: CatalogClient, user: User, stillAdmin: boolean): Promise<void> {
  if (stillAdmin) return;
  const admins = await client.$queryRawUnsafe<{ id: string }[]>(
    `SELECT id::text FROM users WHERE active AND 'admin' = ANY(roles) ORDER BY id FOR UPDATE`,
  );
  const isAdmin = admins.some((admin) => admin.id === user.id);
  if (isAdmin && admins.length === 1)
    throw new HttpProblem(
      409,
      'LAST_ADMIN',
      `${user.username} is the last active admin; make someone else admin first.`,
    );
}

/**
 * A badge id already on someone else is a 409 `BADGE_TAKEN`. Checked before writing so the answer
 * names the right field; the unique constraint still settles a race (reported as the username or
 * badge by the caller's {@link conflictOnDuplicate}).
 */
async function assertBadgeFree(
  client: CatalogClient,
  badgeId: string | null | undefined,
  userId: string | null,
): Promise<void> {
  if (badgeId === undefined || badgeId === null) return;
  const holder = await client.user.findUnique({ where: { badgeId }, select: { id: true, username: true } });
  if (holder !== null && holder.id !== userId)
    throw bodyFieldProblem(409, 'BADGE_TAKEN', `Badge "${badgeId}" belongs to ${holder.username}.`, [
      { path: 'badgeId', message: `Badge "${badgeId}" belongs to ${holder.username}.` },
    ]);
}

/**
 * Users: roles, team, skill levels, attendance, badge and credentials. Deactivating a user also
 * signs them out everywhere and marks them absent, so they leave assignment at once; a new
 * password or PIN signs out the sessions opened with the old one, except the caller's own.
 */
export const userResource: CatalogResource<User, CreateUser, UpdateUser> = {
  entity: 'user',
  noun: 'user',
  notFoundCode: 'USER_NOT_FOUND',
  codeOf: (user) => user.username,
  list: async (client, { after, take, includeInactive }) =>
    (
      await client.user.findMany({
        where: {
          ...(after === undefined ? {} : { username: { gt: after } }),
          ...(includeInactive ? {} : { active: true }),
        },
        orderBy: { username: 'asc' },
        take,
        select,
      })
    ).map(toUser),
  find: async (client, idOrCode) => {
    const where = byIdOrCode(idOrCode);
    const row = await client.user.findUnique({ where: 'id' in where ? where : { username: where.code }, select });
    return row === null ? null : toUser(row);
  },
  create: async (client, { team, skills, ...input }) => {
    const teamId = await resolveOptionalCode(client, 'team', team);
    await assertBadgeFree(client, input.badgeId, null);
    const created = await conflictOnDuplicate(
      () => client.user.create({ data: { ...input, teamId }, select: { id: true } }),
      'USERNAME_TAKEN',
      `The username "${input.username}" is taken.`,
      'username',
    );
    await writeSkills(client, created.id, skills);
    return toUser(await client.user.findUniqueOrThrow({ where: { id: created.id }, select }));
  },
  update: async (client, user, { team, skills, ...input }, by) => {
    const id = user.id as string;
    if (input.roles !== undefined) await keepAnAdmin(client, user, input.roles.includes('admin'));
    const teamId = await resolveOptionalCode(client, 'team', team);
    await assertBadgeFree(client, input.badgeId, id);
    await conflictOnDuplicate(
      () => client.user.update({ where: { id }, data: { ...input, teamId }, select: { id: true } }),
      'BADGE_TAKEN',
      `Badge "${input.badgeId}" was just given to someone else.`,
      'badgeId',
    );
    await writeSkills(client, id, skills);
    // New credentials end the sessions the old ones opened (a password its browser sessions, a PIN
    // its station sessions), but not the one the change was made from: changing your own password
    // signs out your other browsers, not you.
    if (input.passwordHash !== undefined)
      await endUserSessions(client, id, { station: false, except: by.sessionTokenHash });
    if (input.pinHash !== undefined) await endUserSessions(client, id, { station: true, except: by.sessionTokenHash });
    return toUser(await client.user.findUniqueOrThrow({ where: { id }, select }));
  },
  setActive: async (client, user, active) => {
    const id = user.id as string;
    if (!active) {
      await keepAnAdmin(client, user, false);
      await endUserSessions(client, id);
    }
    return toUser(
      await client.user.update({ where: { id }, data: active ? { active } : { active, present: false }, select }),
    );
  },
};

/** Roles that see badges and whether credentials are set (they run the floor or manage people). */
const PEOPLE_MANAGERS: readonly Role[] = ['admin', 'manager'];

/** Public information only, for callers who are not admins or managers. */
export function redactUser(user: User, actor: { roles: readonly Role[] }): User {
  if (actor.roles.some((role) => PEOPLE_MANAGERS.includes(role))) return user;
  const { badgeId: _badge, hasPassword: _password, hasPin: _pin, ...visible } = user;
  return visible;
}
