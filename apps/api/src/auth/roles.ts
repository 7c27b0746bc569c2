import { z } from 'zod';
import type { Role as StoredRole } from '../generated/prisma/enums.ts';

/** The roles of SPEC §1, as stored in `users.roles` and `api_keys.role`. */
export const ROLES = ['admin', 'designer', 'manager', 'operator', 'integrator'] as const satisfies readonly StoredRole[];

/** One role a user or an API key holds. */
export type Role = (typeof ROLES)[number];

/** For routes every authenticated caller may use (`config: { roles: EVERY_ROLE }`), e.g. order reads. */
export const EVERY_ROLE: readonly Role[] = ROLES;

/** A role in requests and responses. */
export const roleSchema = z.enum(ROLES).describe('admin, designer, manager, operator or integrator');

/** What a station (PIN) session may do, whatever other roles the person holds (SPEC §4). */
export const STATION_ROLES: readonly Role[] = ['operator'];

/**
 * The roles a session grants: all the person's roles for a password session, only those of
 * {@link STATION_ROLES} for a station session, since a 4-digit PIN on a shared tablet must not open
 * manager, designer, admin or integrator actions.
 */
export function sessionRoles(roles: readonly Role[], station: boolean): Role[] {
  return station ? roles.filter((role) => STATION_ROLES.includes(role)) : [...roles];
}
