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
