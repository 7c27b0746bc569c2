import fc from 'fast-check';
import { GRAPH_FORMAT } from '../graph/graph-schema.ts';
import type { EdgeCondition, EdgeKind, GraphEdge, GraphNode, RoutingGraph } from '../graph/graph-schema.ts';
import { applyPreset } from '../presets/apply-preset.ts';
import { DEFAULT_PRESETS } from '../presets/default-presets.ts';
import type { NodePreset } from '../presets/node-preset.ts';

/** Size and shape of a generated routing. */
export interface GenerateGraphOptions {
  /** Number of parallel sections (split…join pairs), nested ones included. */
  sections: number;
  /** Exact number of nodes; at least {@link minimumNodes}`(sections)`. */
  nodes: number;
  /** Same seed, same graph. */
  seed: number;
  /** Chance (0–1) that a section is nested inside the previous one instead of following it. Default 0.25. */
  nesting?: number;
}

/** Fewest nodes a graph with `sections` parallel sections can have: start, final step, final QC, end, scrap + 4 per section. */
export function minimumNodes(sections: number): number {
  return 5 + 4 * sections;
}

const X_STEP = 200;
const Y_STEP = 160;
/** Every section costs at least a split, a join and one step per branch (two branches). */
const SECTION_COST = 4;

/** mulberry32: small, fast, good enough to vary test graphs; deterministic per seed. */
function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

interface Tail {
  from: string;
  kind: EdgeKind;
  condition?: EdgeCondition;
}

/** A chain being laid out: where the next node goes and which edges lead into it. */
interface Cursor {
  tails: Tail[];
  column: number;
  y: number;
  depth: number;
  /** Last operation in the current section, the target for the next QC's rework edge. */
  lastWork: string | undefined;
}

const presetByCode = new Map(DEFAULT_PRESETS.map((p) => [p.code, p]));
const OPERATION_PRESETS = DEFAULT_PRESETS.filter((p) => p.nodeType === 'operation');
const CONDITIONS: readonly EdgeCondition[] = [
  { attribute: 'leather', op: 'eq', value: 'exotic' },
  { attribute: 'size', op: 'gt', value: 40 },
  { attribute: 'colour', op: 'in', value: ['cognac', 'tan'] },
];

class GraphGenerator {
  readonly nodes: GraphNode[] = [];
  readonly edges: GraphEdge[] = [];
  private readonly random: () => number;

  constructor(
    seed: number,
    private readonly nesting: number,
  ) {
    this.random = seededRandom(seed);
  }

  int(min: number, max: number): number {
    return min + Math.floor(this.random() * (max - min + 1));
  }

  chance(p: number): boolean {
    return this.random() < p;
  }

  pick<T>(values: readonly T[]): T {
    return values[this.int(0, values.length - 1)] as T;
  }

  /** Groups `count` sections into units: each unit is one section with some sections nested inside. */
  units(count: number): number[] {
    const units: number[] = [];
    for (let i = 0; i < count; i++) {
      if (units.length > 0 && this.chance(this.nesting)) units[units.length - 1] = (units.at(-1) ?? 0) + 1;
      else units.push(0);
    }
    return units;
  }

  place(preset: NodePreset, key: string, at: Cursor, y = at.y): string {
    this.nodes.push(
      applyPreset(preset, { key, name: `${preset.name} ${this.nodes.length}`, position: { x: at.column * X_STEP, y } }),
    );
    for (const tail of at.tails) this.edges.push({ ...tail, to: key });
    return key;
  }

  node(presetCode: string, at: Cursor): string {
    const key = `${presetCode}-${this.nodes.length}`;
    this.place(presetByCode.get(presetCode) as NodePreset, key, at);
    at.column += 1;
    at.tails = [{ from: key, kind: 'normal' }];
    return key;
  }

  /** Exactly `count` nodes of work: operations, QC steps with rework, and decision diamonds. */
  steps(at: Cursor, count: number, scrap: string): void {
    let left = count;
    while (left > 0) {
      if (left >= 3 && this.chance(0.12)) {
        const decision = this.node('decision', at);
        const condition = this.pick(CONDITIONS);
        const arms = [0, 1].map((arm) => {
          const preset = this.pick(OPERATION_PRESETS);
          const key = `${preset.code}-${this.nodes.length}`;
          this.place(preset, key, { ...at, tails: [] }, at.y + (arm === 0 ? -Y_STEP / 2 : Y_STEP / 2));
          this.edges.push(
            arm === 0
              ? { from: decision, to: key, kind: 'condition', condition }
              : { from: decision, to: key, kind: 'default' },
          );
          return key;
        });
        at.column += 1;
        at.tails = arms.map((from) => ({ from, kind: 'normal' }));
        at.lastWork = arms[1];
        left -= 3;
      } else if (at.lastWork !== undefined && this.chance(0.2)) {
        const qc = this.node('qc-inspection', at);
        this.edges.push({ from: qc, to: at.lastWork, kind: 'rework', maxPasses: this.int(1, 3) });
        // Inside a parallel section a scrapped component would strand its siblings, so only rework there.
        if (at.depth === 0) this.edges.push({ from: qc, to: scrap, kind: 'fail' });
        at.tails = [{ from: qc, kind: 'pass' }];
        left -= 1;
      } else {
        at.lastWork = this.node(this.pick(OPERATION_PRESETS).code, at);
        left -= 1;
      }
    }
  }

  /** A chain of exactly `budget` nodes holding the given section units, with steps around them. */
  chain(at: Cursor, budget: number, units: readonly number[], scrap: string): void {
    const minimum = units.map((nested) => SECTION_COST * (1 + nested));
    const slots = new Array<number>(units.length * 2 + 1).fill(0);
    for (let extra = budget - minimum.reduce((a, b) => a + b, 0); extra > 0; extra--) {
      const slot = this.int(0, slots.length - 1);
      slots[slot] = (slots[slot] ?? 0) + 1;
    }
    this.steps(at, slots[0] ?? 0, scrap);
    units.forEach((nested, i) => {
      this.section(at, (minimum[i] ?? 0) + (slots[2 * i + 1] ?? 0), nested, scrap);
      this.steps(at, slots[2 * i + 2] ?? 0, scrap);
    });
  }

  /** A split, its branches (the first holding `nested` sections) and its join: exactly `budget` nodes. */
  section(at: Cursor, budget: number, nested: number, scrap: string): void {
    const innerUnits = this.units(nested);
    const firstBranchMinimum = nested > 0 ? SECTION_COST * nested : 1;
    const branchCount = budget >= 2 + firstBranchMinimum + 2 && this.chance(0.3) ? 3 : 2;
    const budgets = [firstBranchMinimum, ...new Array<number>(branchCount - 1).fill(1)];
    for (let extra = budget - 2 - budgets.reduce((a, b) => a + b, 0); extra > 0; extra--) {
      const branch = this.int(0, branchCount - 1);
      budgets[branch] = (budgets[branch] ?? 0) + 1;
    }
    const split = this.node('parallel-split', at);
    const spread = Y_STEP * 2 ** Math.max(0, 2 - at.depth);
    const branches = budgets.map((branchBudget, i) => {
      const branch: Cursor = {
        tails: [{ from: split, kind: 'normal' }],
        column: at.column,
        y: at.y + (i - (branchCount - 1) / 2) * spread,
        depth: at.depth + 1,
        lastWork: undefined,
      };
      this.chain(branch, branchBudget, i === 0 ? innerUnits : [], scrap);
      return branch;
    });
    at.tails = branches.flatMap((b) => b.tails);
    at.column = Math.max(...branches.map((b) => b.column));
    this.node('join', at);
    at.lastWork = undefined;
  }
}

/**
 * Generates a well-formed routing (validates with no findings): start → steps and parallel sections
 * (with nested sections, decisions and QC rework loops) → final step → final QC → end, plus a scrap
 * end for QC fails outside sections. Deterministic per seed; nodes laid out left to right.
 */
export function generateGraph(options: GenerateGraphOptions): RoutingGraph {
  const { sections, nodes, seed, nesting = 0.25 } = options;
  if (!Number.isInteger(sections) || sections < 0 || !Number.isInteger(nodes) || nodes < minimumNodes(sections)) {
    throw new RangeError(
      `generateGraph: ${sections} sections need at least ${minimumNodes(sections)} nodes, got ${nodes}`,
    );
  }
  const generator = new GraphGenerator(seed, nesting);
  const at: Cursor = { tails: [], column: 0, y: 0, depth: 0, lastWork: undefined };
  const scrap = 'scrap';
  generator.node('start', at);
  generator.chain(at, nodes - 5, generator.units(sections), scrap);
  const finalStep = generator.node('assembly', at);
  const finalQc = generator.node('qc-inspection', at);
  generator.edges.push(
    { from: finalQc, to: finalStep, kind: 'rework', maxPasses: 2 },
    { from: finalQc, to: scrap, kind: 'fail' },
  );
  at.tails = [{ from: finalQc, kind: 'pass' }];
  generator.node('end', at);
  generator.place(
    presetByCode.get('end') as NodePreset,
    scrap,
    { ...at, tails: [], column: at.column - 1 },
    at.y + 2 * Y_STEP,
  );
  return {
    format: GRAPH_FORMAT,
    code: `GEN-${seed}`,
    name: `Generated ${nodes} nodes / ${sections} sections`,
    nodes: generator.nodes,
    edges: generator.edges,
  };
}

/** Bounds for {@link arbitraryGraph}. */
export interface ArbitraryGraphOptions {
  maxSections?: number;
  maxExtraNodes?: number;
}

/** fast-check arbitrary of well-formed routings built by {@link generateGraph} (shrinks towards small graphs). */
export function arbitraryGraph(options: ArbitraryGraphOptions = {}): fc.Arbitrary<RoutingGraph> {
  const { maxSections = 4, maxExtraNodes = 40 } = options;
  return fc
    .record({
      sections: fc.integer({ min: 0, max: maxSections }),
      extra: fc.integer({ min: 0, max: maxExtraNodes }),
      seed: fc.integer({ min: 0, max: 0x7fffffff }),
      nesting: fc.constantFrom(0, 0.25, 0.6),
    })
    .map(({ sections, extra, seed, nesting }) =>
      generateGraph({ sections, nodes: minimumNodes(sections) + extra, seed, nesting }),
    );
}
