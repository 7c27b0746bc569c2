import { validateGraph } from '../graph/validate-graph.ts';
import { generateGraph } from '../testing/generate-graph.ts';

/** Figures of one validation benchmark run. */
export interface ValidateBenchResult {
  nodes: number;
  edges: number;
  sections: number;
  runs: number;
  medianMs: number;
  p95Ms: number;
}

/** Options of {@link benchValidate}; the defaults are the target case. */
export interface ValidateBenchOptions {
  nodes?: number;
  sections?: number;
  runs?: number;
  warmup?: number;
}

function percentile(sorted: readonly number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] ?? Number.NaN;
}

/**
 * Times `validateGraph` (index build included, as on every designer edit) on a generated graph of
 * 1,000 nodes with 20 parallel sections. Target: median ≤ 5 ms. Warm-up runs let the JIT settle
 * so the figure reflects a designer session, not a cold start.
 */
export function benchValidate(options: ValidateBenchOptions = {}): ValidateBenchResult {
  const { nodes = 1000, sections = 20, runs = 200, warmup = 50 } = options;
  const graph = generateGraph({ nodes, sections, seed: 2026 });
  let findings = 0;
  for (let i = 0; i < warmup; i++) findings += validateGraph(graph).length;
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    findings += validateGraph(graph).length;
    times.push(performance.now() - started);
  }
  // A generated graph is clean; findings would mean the benchmark measured an error path.
  if (findings > 0) throw new Error(`benchValidate: the generated graph has ${findings} findings`);
  times.sort((a, b) => a - b);
  const round = (ms: number) => Math.round(ms * 1000) / 1000;
  return {
    nodes,
    edges: graph.edges.length,
    sections,
    runs,
    medianMs: round(percentile(times, 0.5)),
    p95Ms: round(percentile(times, 0.95)),
  };
}
