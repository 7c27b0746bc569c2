import { describe, expect, it } from 'vitest';
import { usingPostgres } from '../testing/test-database.ts';
import { useTestDatabase } from '../testing/use-test-database.ts';
import { runCommand } from './run-command.ts';

/** Counts wake-ups: the hub's only part a command uses. */
function wakeCounter() {
  const counter = { wakes: 0, wake: () => void counter.wakes++ };
  return counter;
}

describe(`runCommand on ${usingPostgres() ? 'PostgreSQL' : 'PGlite'}`, () => {
  const testDb = useTestDatabase();

  // Straight from the table: this is about what the transaction wrote, not about delivery.
  const readAll = () => testDb.db.prisma.event.findMany({ orderBy: { seq: 'asc' } });

  it('commits the state change and its events together, in list order, then wakes the hub', async () => {
    const hub = wakeCounter();
    const at = new Date('2026-11-24T08:00:00.000Z');
    const skill = await runCommand({ db: testDb.db, hub, idempotencyKey: null }, async (tx) => {
      const created = await tx.skill.create({ data: { code: 'edge-paint', name: 'Edge painting' } });
      return {
        result: created,
        events: [
          { type: 'skill.created', at, actor: 'Ada Admin', data: { code: created.code } },
          { type: 'skill.noted', nodeKey: 'paint', workCenterId: '00000000-0000-4000-8000-000000000001', data: {} },
        ],
      };
    });

    expect(hub.wakes).toBe(1);
    expect(await testDb.db.prisma.skill.findUnique({ where: { id: skill.id } })).not.toBeNull();
    const events = await readAll();
    expect(events.map((event) => event.type)).toEqual(['skill.created', 'skill.noted']);
    expect(events[0]).toMatchObject({ at, actor: 'Ada Admin', data: { code: 'edge-paint' }, nodeKey: null });
    expect(events[1]).toMatchObject({
      nodeKey: 'paint',
      workCenterId: '00000000-0000-4000-8000-000000000001',
      operatorId: null,
    });
    expect(events[1]!.seq).toBeGreaterThan(events[0]!.seq);
  });

  it('writes neither state nor events, and wakes nobody, when the command throws', async () => {
    const hub = wakeCounter();
    const before = await readAll();
    await expect(
      runCommand({ db: testDb.db, hub, idempotencyKey: null }, async (tx) => {
        await tx.skill.create({ data: { code: 'doomed', name: 'Doomed' } });
        await tx.event.create({ data: { type: 'written.inside', data: {} } });
        throw new Error('refused half-way');
      }),
    ).rejects.toThrow('refused half-way');

    expect(hub.wakes).toBe(0);
    expect(await testDb.db.prisma.skill.findUnique({ where: { code: 'doomed' } })).toBeNull();
    expect(await readAll()).toEqual(before);
  });

  it('does not wake the hub for a command without events', async () => {
    const hub = wakeCounter();
    expect(
      await runCommand({ db: testDb.db, hub, idempotencyKey: null }, async () => ({ result: 42, events: [] })),
    ).toBe(42);
    expect(hub.wakes).toBe(0);
  });
});
