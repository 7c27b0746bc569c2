import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

// Spawned the way the root script runs it: `tsx packages/domain/src/cli/graph-validate.ts FILE...` from the repo root.
const repoRoot = fileURLToPath(new URL('../../../../', import.meta.url));
const cli = 'packages/domain/src/cli/graph-validate.ts';
const tsx = join(repoRoot, 'node_modules/.bin/tsx');
const dir = mkdtempSync(join(tmpdir(), 'graph-validate-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function run(...files: string[]) {
  const result = spawnSync(tsx, [cli, ...files], { cwd: repoRoot, encoding: 'utf8' });
  const lines = result.stdout
    .split('\n')
    .filter(Boolean)
    .map(
      (line) =>
        JSON.parse(line) as {
          file: string;
          valid: boolean;
          issues: { code: string; severity: string; message: string }[];
        },
    );
  return { status: result.status, lines, stderr: result.stderr.trim() };
}

function temp(name: string, content: unknown): string {
  const file = join(dir, name);
  writeFileSync(file, typeof content === 'string' ? content : JSON.stringify(content));
  return file;
}

const wallet = JSON.parse(readFileSync(join(repoRoot, 'examples/routings/wallet.json'), 'utf8')) as {
  nodes: unknown[];
  edges: { from: string; to: string; kind: string }[];
};

// Each test starts tsx processes; on a busy 2-core CI box that alone can take seconds.
describe('graph:validate CLI', { timeout: 30_000 }, () => {
  it('exits 0 and prints one valid line per file for the demo routings', () => {
    const { status, lines, stderr } = run(
      'examples/routings/tote-bag.json',
      'examples/routings/wallet.json',
      'examples/routings/belt.json',
    );
    expect(status).toBe(0);
    expect(stderr).toBe('');
    expect(lines).toEqual([
      { file: 'examples/routings/tote-bag.json', valid: true, issues: [] },
      { file: 'examples/routings/wallet.json', valid: true, issues: [] },
      { file: 'examples/routings/belt.json', valid: true, issues: [] },
    ]);
  });

  it('exits 0 when a file has warnings only', () => {
    const overlapping = {
      ...wallet,
      edges: [
        ...wallet.edges,
        {
          from: 'leather',
          to: 'machine-stitch',
          kind: 'condition',
          condition: { attribute: 'leather', op: 'neq', value: 'calf' },
        },
      ],
    };
    const { status, lines } = run(temp('warnings.json', overlapping));
    expect(status).toBe(0);
    expect(lines[0]?.valid).toBe(true);
    expect(lines[0]?.issues.map((i) => [i.code, i.severity])).toEqual([['DECISION_OVERLAP', 'warning']]);
  });

  it('exits 1 for a graph with rule errors, still reporting the valid files', () => {
    const cyclic = { ...wallet, edges: [...wallet.edges, { from: 'edge-paint', to: 'cut', kind: 'normal' }] };
    const { status, lines, stderr } = run('examples/routings/belt.json', temp('cyclic.json', cyclic));
    expect(status).toBe(1);
    expect(stderr).toBe('');
    expect(lines.map((l) => l.valid)).toEqual([true, false]);
    expect(lines[1]?.issues.map((i) => i.code)).toContain('CYCLE');
  });

  it('exits 1 for schema errors, reported as SCHEMA issues with the JSON path', () => {
    const file = temp('schema.json', { ...wallet, nodes: [...wallet.nodes, { key: 'x', type: 'robot', name: 'X' }] });
    const { status, lines, stderr } = run(file);
    expect(status).toBe(1);
    expect(stderr).toContain(`${file} is not a routing-graph/v1 document: $.nodes[${wallet.nodes.length}].type`);
    expect(lines[0]?.valid).toBe(false);
    expect(lines[0]?.issues).toEqual([
      expect.objectContaining({
        code: 'SCHEMA',
        severity: 'error',
        message: expect.stringContaining(`$.nodes[${wallet.nodes.length}].type: `),
      }),
    ]);
  });

  it('exits 2 for a missing file or a file that is not JSON, naming each on one stderr line', () => {
    const missing = join(dir, 'missing.json');
    const notJson = temp('not-json.json', '{ "format": "routing-graph/v1",');
    const { status, lines, stderr } = run('examples/routings/belt.json', missing, notJson);
    expect(status).toBe(2);
    expect(lines).toHaveLength(1);
    const errors = stderr.split('\n');
    expect(errors).toHaveLength(2);
    expect(errors[0]).toContain(missing);
    expect(errors[1]).toContain(notJson);
  });

  it('checks references and warnings against a --context file', () => {
    const context = temp('factory.json', { workCenters: [{ code: 'CUT', capacity: 0 }], skills: ['cutting'] });
    const { status, lines } = run('--context', context, 'examples/routings/belt.json');
    expect(status).toBe(1);
    const codes = new Set(lines[0]?.issues.map((i) => i.code));
    expect([...codes].sort()).toEqual(['UNKNOWN_REFERENCE', 'WORK_CENTER_NO_CAPACITY']);
  });

  it('exits 2 for a context file that is not a validation context', () => {
    const { status, lines, stderr } = run(
      '--context',
      temp('bad-factory.json', { workCenters: 'CUT' }),
      'examples/routings/belt.json',
    );
    expect(status).toBe(2);
    expect(lines).toEqual([]);
    expect(stderr).toContain('$.workCenters');
  });

  it('exits 2 with usage when no file is given', () => {
    for (const args of [[], ['--context', 'factory.json']]) {
      const { status, stderr } = run(...args);
      expect(status).toBe(2);
      expect(stderr).toMatch(/usage/);
    }
  });
});
