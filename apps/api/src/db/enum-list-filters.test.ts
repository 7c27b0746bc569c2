import { describe, expect, it } from 'vitest';
import type { Prisma } from '../generated/prisma/client.ts';
import { usingPostgres } from '../testing/test-database.ts';
import { useTestDatabase } from '../testing/use-test-database.ts';

/**
 * As on a first start, the test database is migrated by the handle the test uses, enum types
 * included (issue B1: on PGlite every enum-list filter then failed with "malformed array
 * literal", so publishing a graph answered 500).
 */
describe(`enum-list filters on a ${usingPostgres() ? 'PostgreSQL' : 'PGlite'} database this handle migrated`, () => {
  const testDb = useTestDatabase();

  it('answers has, hasSome, hasEvery, equals and isEmpty on users.roles, and reads the list back as an array', async () => {
    const { db } = testDb;
    await db.prisma.user.createMany({
      data: [
        { username: 'ploy', displayName: 'Ploy', roles: ['manager', 'operator'] },
        { username: 'somchai', displayName: 'Somchai', roles: ['operator'] },
        { username: 'claire', displayName: 'Claire', roles: ['designer'] },
        { username: 'robot', displayName: 'Robot', roles: [] },
      ],
    });
    const names = async (roles: NonNullable<Prisma.UserWhereInput['roles']>) =>
      (
        await db.prisma.user.findMany({ where: { roles }, select: { username: true }, orderBy: { username: 'asc' } })
      ).map((user) => user.username);

    expect(await names({ has: 'operator' })).toEqual(['ploy', 'somchai']);
    expect(await names({ hasSome: ['designer', 'manager'] })).toEqual(['claire', 'ploy']);
    expect(await names({ hasEvery: ['operator', 'manager'] })).toEqual(['ploy']);
    expect(await names({ equals: ['operator'] })).toEqual(['somchai']);
    expect(await names({ isEmpty: true })).toEqual(['robot']);
    expect(await db.prisma.user.count({ where: { roles: { has: 'admin' } } })).toBe(0);
    expect(await db.prisma.user.findUnique({ where: { username: 'ploy' }, select: { roles: true } })).toEqual({
      roles: ['manager', 'operator'],
    });
  });
});
