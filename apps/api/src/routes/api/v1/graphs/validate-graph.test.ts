import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { RoutingGraph } from '@atelier/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { repoRoot } from '../../../../env.ts';
import { loadValidationContext } from '../../../../graphs/load-validation-context.ts';
import { buildTestApp, type TestApp } from '../../../../test-app.ts';
import { loginAs } from '../../../../testing/auth-for-tests.ts';
import { validationResultSchema } from '@atelier/contracts';

const tote = JSON.parse(readFileSync(`${repoRoot}/examples/routings/tote-bag.json`, 'utf8')) as RoutingGraph;
const dir = mkdtempSync(join(tmpdir(), 'api-graph-validate-'));

/**
 * Runs the `graph:validate` CLI as the root script does, on one file per document (one process for
 * all, it prints a line per file), and returns each document's line without `file`.
 */
function cli(documents: readonly unknown[], contextFile?: string): unknown[] {
  const files = documents.map((json, index) => {
    const file = join(dir, `graph-${index}.json`);
    writeFileSync(file, JSON.stringify(json));
    return file;
  });
  const args = [...(contextFile === undefined ? [] : ['--context', contextFile]), ...files];
  const result = spawnSync(
    join(repoRoot, 'node_modules/.bin/tsx'),
    ['packages/domain/src/cli/graph-validate.ts', ...args],
    { cwd: repoRoot, encoding: 'utf8' },
  );
  return result.stdout
    .trim()
    .split('\n')
    .map((line) => {
      const { file: _file, ...rest } = JSON.parse(line) as { file: string };
      return rest;
    });
}

/** Documents with every kind of answer: clean, rule errors, warnings only with context, schema errors, not an object. */
const DOCUMENTS: readonly (readonly [string, unknown])[] = [
  ['the demo tote bag', tote],
  ['a tote whose QC lost its pass edge', { ...tote, edges: tote.edges.filter((edge) => edge.kind !== 'pass') }],
  [
    'a tote cutting in an unknown work center',
    {
      ...tote,
      nodes: tote.nodes.map((node) =>
        node.key === 'cut' ? { ...node, config: { ...node.config, workCenter: 'LASER' } } : node,
      ),
    },
  ],
  [
    'a document with schema errors',
    { ...tote, format: 'routing-graph/v0', nodes: [{ key: 'a b', type: 'operation' }], colour: 'red' },
  ],
  ['an array', [1, 2, 3]],
  ['a string', 'not a graph'],
];

describe('POST /api/v1/graphs/validate', () => {
  let t: TestApp;
  let headers: Record<string, string>;
  let plain: unknown[];
  let withContext: unknown[];
  beforeAll(async () => {
    t = await buildTestApp({ seed: true });
    headers = { ...(await loginAs(t.db, 'integrator')).headers, 'content-type': 'application/json' };
    const contextFile = join(dir, 'factory.json');
    writeFileSync(contextFile, JSON.stringify(await loadValidationContext(t.db.prisma)));
    const documents = DOCUMENTS.map(([, json]) => json);
    plain = cli(documents);
    withContext = cli(documents, contextFile);
    expect([plain.length, withContext.length]).toEqual([DOCUMENTS.length, DOCUMENTS.length]);
  }, 120_000);
  afterAll(async () => {
    await t.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const validate = async (json: unknown, query = '') => {
    const response = await t.app.inject({
      method: 'POST',
      url: `/api/v1/graphs/validate${query}`,
      headers,
      payload: JSON.stringify(json),
    });
    expect(response.statusCode, response.body).toBe(200);
    return validationResultSchema.parse(response.json());
  };

  const cases = DOCUMENTS.map(([label, json], index) => [label, json, index] as const);

  it.each(cases)('answers %s exactly as the graph:validate CLI does', async (_label, json, index) => {
    expect(await validate(json)).toEqual(plain[index]);
  });

  it.each(cases)(
    'with context=factory answers %s as the CLI does with --context of this factory',
    async (_label, json, index) => {
      expect(await validate(json, '?context=factory')).toEqual(withContext[index]);
    },
  );

  it('checks references only against the factory when asked to', async () => {
    const [, laser] = DOCUMENTS[2] ?? [];
    expect((await validate(laser)).valid).toBe(true);
    const withFactory = await validate(laser, '?context=factory');
    expect(withFactory.valid).toBe(false);
    expect(withFactory.issues).toContainEqual(
      expect.objectContaining({ code: 'UNKNOWN_REFERENCE', nodeKeys: ['cut'] }),
    );
  });

  it('writes nothing', async () => {
    const before = await t.db.query<{ n: number }>('SELECT count(*)::int AS n FROM events');
    await validate(tote);
    expect(await t.db.query('SELECT count(*)::int AS n FROM events')).toEqual(before);
  });

  it('refuses an unknown context and a body that is not JSON with a 400 problem', async () => {
    const unknown = await t.app.inject({
      method: 'POST',
      url: '/api/v1/graphs/validate?context=all',
      headers,
      payload: JSON.stringify(tote),
    });
    expect([unknown.statusCode, unknown.json().code]).toEqual([400, 'VALIDATION_FAILED']);
    const garbage = await t.app.inject({
      method: 'POST',
      url: '/api/v1/graphs/validate',
      headers,
      payload: '{"nodes": [',
    });
    expect([garbage.statusCode, garbage.json().code]).toEqual([400, 'INVALID_JSON']);
  });
});
