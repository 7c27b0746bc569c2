import { describe, expect, it } from 'vitest';
import { createTestDatabase, usingPostgres } from '../testing/test-database.ts';
import { useTestDatabase } from '../testing/use-test-database.ts';

const KIND = usingPostgres() ? 'postgresql' : 'pglite';

describe(`openDatabase on ${KIND}`, () => {
  const testDb = useTestDatabase();

  /** A published graph version and a released order to hang pieces on. */
  async function releasedOrder(code: string) {
    const graph = await testDb.db.prisma.routingGraph.create({
      data: {
        code: `G-${code}`,
        name: 'Tote bag',
        versions: {
          create: { number: 1, status: 'published', body: { format: 'routing-graph/v1', nodes: [], edges: [] } },
        },
      },
      include: { versions: true },
    });
    const version = graph.versions[0]!;
    const order = await testDb.db.prisma.manufacturingOrder.create({
      data: {
        code,
        product: 'Tote bag',
        client: 'Maison Ardent',
        targetQuantity: 3,
        graphId: graph.id,
        graphVersionId: version.id,
        status: 'released',
      },
    });
    return { graph, version, order };
  }

  it(`reports its kind`, () => {
    expect(testDb.db.kind).toBe(KIND);
  });

  it('round-trips a user with roles and skill levels through Prisma', async () => {
    const skill = await testDb.db.prisma.skill.create({ data: { code: 'edge-painting', name: 'Edge painting' } });
    const created = await testDb.db.prisma.user.create({
      data: {
        username: 'somchai',
        displayName: 'Somchai K.',
        roles: ['operator', 'manager'],
        badgeId: 'B-0042',
        skills: { create: { skillId: skill.id, level: 4 } },
      },
    });

    const read = await testDb.db.prisma.user.findUniqueOrThrow({
      where: { badgeId: 'B-0042' },
      include: { skills: { include: { skill: true } } },
    });

    expect(created.id).toMatch(/^[0-9a-f-]{36}$/);
    expect(read).toMatchObject({ username: 'somchai', roles: ['operator', 'manager'], present: false, active: true });
    expect(read.skills.map((s) => [s.skill.code, s.level])).toEqual([['edge-painting', 4]]);
  });

  it('round-trips a piece with JSON attributes and its genealogy', async () => {
    const { version, order } = await releasedOrder('MO-2026-0001');
    const parent = await testDb.db.prisma.token.create({
      data: {
        serial: 'MO-2026-0001-001',
        moId: order.id,
        graphVersionId: version.id,
        attributes: { leather: 'calf', colour: 'cognac' },
        currentNodeKey: 'split',
        state: 'waiting',
      },
    });
    await testDb.db.prisma.token.create({
      data: {
        serial: 'MO-2026-0001-001-strap',
        moId: order.id,
        graphVersionId: version.id,
        parentId: parent.id,
        currentNodeKey: 'strap-cut',
      },
    });

    const read = await testDb.db.prisma.token.findUniqueOrThrow({
      where: { serial: 'MO-2026-0001-001' },
      include: { children: true, manufacturingOrder: true },
    });

    expect(read.attributes).toEqual({ leather: 'calf', colour: 'cognac' });
    expect(read.reworkPasses).toEqual({});
    expect(read.children.map((child) => child.serial)).toEqual(['MO-2026-0001-001-strap']);
    expect(read.manufacturingOrder?.code).toBe('MO-2026-0001');
  });

  it('refuses a piece that belongs to no order or to two orders', async () => {
    const { graph, version, order } = await releasedOrder('MO-2026-0002');
    const job = await testDb.db.prisma.atelierJob.create({
      data: { code: 'AJ-2026-0001', product: 'Wallet', quantity: 1, graphId: graph.id, moId: order.id },
    });

    await expect(
      testDb.db.prisma.token.create({
        data: { serial: 'ORPHAN-1', graphVersionId: version.id, currentNodeKey: 'start' },
      }),
    ).rejects.toThrow(/tokens_one_order_check/);
    await expect(
      testDb.db.prisma.token.create({
        data: {
          serial: 'TWICE-1',
          graphVersionId: version.id,
          moId: order.id,
          atelierJobId: job.id,
          currentNodeKey: 'start',
        },
      }),
    ).rejects.toThrow(/tokens_one_order_check/);
    expect(await testDb.db.prisma.token.count({ where: { serial: { in: ['ORPHAN-1', 'TWICE-1'] } } })).toBe(0);
  });

  it('numbers events in sequence and stamps each with its writing transaction', async () => {
    await testDb.db.transaction(async (tx) => {
      await tx.query(
        `INSERT INTO events (type, data) VALUES ('token.moved', '{"to":"cut"}'), ('work_item.created', '{}')`,
      );
    });
    await testDb.db.prisma.event.create({ data: { type: 'token.completed', actor: 'system' } });

    const rows = await testDb.db.query<{ seq: string; type: string; tx_id: string }>(
      'SELECT seq::text, type, tx_id::text FROM events ORDER BY seq',
    );

    expect(rows.map((row) => row.type)).toEqual(['token.moved', 'work_item.created', 'token.completed']);
    const first = Number(rows[0]!.seq);
    expect(rows.map((row) => Number(row.seq))).toEqual([first, first + 1, first + 2]);
    expect(rows[0]!.tx_id).toBe(rows[1]!.tx_id);
    expect(rows[2]!.tx_id).not.toBe(rows[0]!.tx_id);
    const viaPrisma = await testDb.db.prisma.event.findFirstOrThrow({ where: { type: 'token.completed' } });
    expect(viaPrisma.seq).toBe(BigInt(first + 2));
  });

  it('rolls back an interactive Prisma transaction that throws', async () => {
    const attempt = testDb.db.prisma.$transaction(async (tx) => {
      await tx.workCenter.create({ data: { code: 'SKIV', name: 'Skiving' } });
      throw new Error('operator walked away');
    });

    await expect(attempt).rejects.toThrow('operator walked away');
    expect(await testDb.db.prisma.workCenter.count({ where: { code: 'SKIV' } })).toBe(0);
  });

  it('commits a raw SQL transaction that resolves and rolls back one that throws', async () => {
    await testDb.db.transaction((tx) => tx.query(`INSERT INTO work_centers (code, name) VALUES ('CUT', 'Cutting')`));
    const failed = testDb.db.transaction(async (tx) => {
      await tx.query(`INSERT INTO work_centers (code, name) VALUES ('STITCH', 'Stitching')`);
      await tx.query(`INSERT INTO work_centers (code, name) VALUES ('CUT', 'Cutting again')`);
    });

    await expect(failed).rejects.toThrow(/work_centers_code_key/);
    const rows = await testDb.db.query<{ code: string }>('SELECT code FROM work_centers ORDER BY code');
    expect(rows.map((row) => row.code)).toEqual(['CUT']);
  });

  it('lets exactly one of many concurrent conditional claims win', async () => {
    const { version, order } = await releasedOrder('MO-2026-0003');
    const token = await testDb.db.prisma.token.create({
      data: { serial: 'MO-2026-0003-001', moId: order.id, graphVersionId: version.id, currentNodeKey: 'cut' },
    });
    const item = await testDb.db.prisma.workItem.create({ data: { tokenId: token.id, nodeKey: 'cut' } });

    const claims = await Promise.all(
      Array.from({ length: 10 }, () =>
        testDb.db.query(
          `UPDATE work_items SET state = 'assigned', version = version + 1 WHERE id = $1 AND state = 'ready' RETURNING id`,
          [item.id],
        ),
      ),
    );

    expect(claims.filter((rows) => rows.length === 1)).toHaveLength(1);
    expect(await testDb.db.prisma.workItem.findUniqueOrThrow({ where: { id: item.id } })).toMatchObject({
      state: 'assigned',
      version: 1,
    });
  });

  it('can be closed more than once (a signal during a failing start closes it twice)', async () => {
    const other = await createTestDatabase({ migrate: false });
    await other.db.close();
    await expect(other.db.close()).resolves.toBeUndefined();
    await other.drop();
  });

  it('returns raw SQL results with the same JavaScript types on both engines', async () => {
    const [row] = await testDb.db.query(
      `SELECT 9007199254740991::int8 AS big, count(*) AS n, 7::int4 AS small, 12.50::numeric AS price,
              '2026-03-01'::date AS due, '2026-03-01T08:30:00Z'::timestamptz AS at, '{"size":"M"}'::jsonb AS attrs,
              ARRAY['scratch','stain']::text[] AS reasons, true AS flag`,
      [],
    );
    const [script] = await testDb.db.query(`SELECT 1; SELECT 2::int8 AS big, '2026-03-01'::date AS due`);

    expect(row).toEqual({
      big: 9007199254740991,
      n: 1,
      small: 7,
      price: '12.50',
      due: new Date('2026-03-01T00:00:00Z'),
      at: new Date('2026-03-01T08:30:00Z'),
      attrs: { size: 'M' },
      reasons: ['scratch', 'stain'],
      flag: true,
    });
    expect(script).toEqual({ big: 2, due: new Date('2026-03-01T00:00:00Z') });
  });
});
