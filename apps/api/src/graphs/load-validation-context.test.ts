import { describe, expect, it } from 'vitest';
import { useTestDatabase } from '../testing/use-test-database.ts';
import { loadValidationContext } from './load-validation-context.ts';

describe('loadValidationContext', () => {
  const testDb = useTestDatabase();

  it("takes the skill levels of active operators only: a manager's or a deactivated operator's skills do not cover a step", async () => {
    const { prisma } = testDb.db;
    const [cutting, stitching, gilding] = await Promise.all(
      ['cutting', 'stitching', 'gilding'].map((code) =>
        prisma.skill.create({ data: { code, name: code }, select: { id: true } }),
      ),
    );
    const user = (username: string, roles: ('operator' | 'manager')[], skillId: string, level: number, active = true) =>
      prisma.user.create({
        data: { username, displayName: username, roles, active, skills: { create: { skillId, level } } },
      });
    await user('somchai', ['operator'], cutting!.id, 4);
    await user('ploy', ['manager', 'operator'], stitching!.id, 3);
    await user('narin', ['manager'], gilding!.id, 5);
    await user('lucas', ['operator'], gilding!.id, 5, false);

    const context = await loadValidationContext(prisma);

    expect(context.skills).toEqual(['cutting', 'gilding', 'stitching']);
    expect(context.operators).toHaveLength(2);
    expect(context.operators).toEqual(
      expect.arrayContaining([
        { skills: [{ code: 'cutting', level: 4 }] },
        { skills: [{ code: 'stitching', level: 3 }] },
      ]),
    );
  });
});
