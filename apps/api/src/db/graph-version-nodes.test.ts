import { describe, expect, it } from 'vitest';
import { usingPostgres } from '../testing/test-database.ts';
import { useTestDatabase } from '../testing/use-test-database.ts';

/** `graph_version_nodes` is kept by a trigger from each version's body: what work-item reads look nodes up in. */
describe(`graph_version_nodes on ${usingPostgres() ? 'PostgreSQL' : 'PGlite'}`, () => {
  const t = useTestDatabase();

  const nodesOf = (versionId: string) =>
    t.db.query<{ node_key: string; name: string | null }>(
      `SELECT node_key, body->>'name' AS name FROM graph_version_nodes WHERE graph_version_id = $1::uuid ORDER BY node_key`,
      [versionId],
    );

  async function newVersion(code: string, body: unknown): Promise<string> {
    const [graph] = await t.db.query<{ id: string }>(
      `INSERT INTO routing_graphs (code, name) VALUES ($1, $1) RETURNING id`,
      [code],
    );
    const [version] = await t.db.query<{ id: string }>(
      `INSERT INTO graph_versions (graph_id, number, body) VALUES ($1::uuid, 1, $2::jsonb) RETURNING id`,
      [graph?.id, JSON.stringify(body)],
    );
    return version?.id ?? '';
  }

  it('holds every keyed node of a new version, and follows each edit of a draft', async () => {
    const version = await newVersion('TOTE-N1', {
      nodes: [
        { key: 'cut', name: 'Cut' },
        { key: 'stitch', name: 'Stitch' },
      ],
    });
    expect(await nodesOf(version)).toEqual([
      { node_key: 'cut', name: 'Cut' },
      { node_key: 'stitch', name: 'Stitch' },
    ]);
    await t.db.query(`UPDATE graph_versions SET body = $2::jsonb WHERE id = $1::uuid`, [
      version,
      JSON.stringify({ nodes: [{ key: 'cut', name: 'Cut again' }, { key: 'pack' }] }),
    ]);
    expect(await nodesOf(version)).toEqual([
      { node_key: 'cut', name: 'Cut again' },
      { node_key: 'pack', name: null },
    ]);
  });

  it('takes the first of two nodes with one key and skips nodes without a key or a body without nodes, as a draft may have', async () => {
    const version = await newVersion('TOTE-N2', {
      nodes: [{ key: 'cut', name: 'First' }, { key: 'cut', name: 'Second' }, { name: 'No key' }],
    });
    expect(await nodesOf(version)).toEqual([{ node_key: 'cut', name: 'First' }]);
    const empty = await newVersion('TOTE-N3', { edges: [] });
    expect(await nodesOf(empty)).toEqual([]);
  });

  it('goes with its version', async () => {
    const version = await newVersion('TOTE-N4', { nodes: [{ key: 'cut' }] });
    await t.db.query(`DELETE FROM graph_versions WHERE id = $1::uuid`, [version]);
    expect(await nodesOf(version)).toEqual([]);
  });
});
