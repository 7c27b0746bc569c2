import {
  decideAssignment,
  resolveAssignmentRule,
  type AssignableItem,
  type AssignmentRuleRecord,
  type Candidate,
} from '@atelier/domain';

/** The decision benchmark's size (issue 15): 200 operators, 5,000 ready items. */
export const DECISION_OPERATORS = 200;
export const DECISION_ITEMS = 5000;

const SKILLS = ['cutting', 'edge-paint', 'stitching', 'qc'] as const;
const NODES = ['cut', 'edge', 'stitch', 'inspect'] as const;

/** A small deterministic generator (mulberry32), so every run decides the same inputs. */
function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** The inputs of one decision: operators with skills, loads and teams, and a queue of ready items. */
export function decisionInputs(): { candidates: Candidate[]; items: AssignableItem[]; rules: AssignmentRuleRecord[] } {
  const next = random(15);
  const pick = <T>(values: readonly T[]): T => values[Math.floor(next() * values.length)] as T;
  const candidates: Candidate[] = Array.from({ length: DECISION_OPERATORS }, (_, n) => ({
    id: `op-${String(n).padStart(3, '0')}`,
    active: next() > 0.02,
    operator: true,
    present: next() > 0.1,
    teamId: pick(['team-a', 'team-b', null]),
    homeWorkCenterId: pick(['wc-cut', 'wc-sew', null]),
    skillLevels: new Map(SKILLS.map((skill) => [skill, Math.floor(next() * 6)])),
    openMinutes: Math.floor(next() * 240),
    lastAssignedAt: next() > 0.2 ? new Date(1_700_000_000_000 + Math.floor(next() * 1e9)) : null,
  }));
  const items: AssignableItem[] = Array.from({ length: DECISION_ITEMS }, (_, n) => {
    const node = pick(NODES);
    return {
      id: `item-${n}`,
      pieceId: `piece-${Math.floor(n / 4)}`,
      graphId: 'bench',
      nodeKey: node,
      workCenterId: node === 'stitch' ? 'wc-sew' : 'wc-cut',
      skills: [{ code: pick(SKILLS), minLevel: 1 + Math.floor(next() * 4) }],
      standardMinutes: 5 + Math.floor(next() * 40),
      productionType: next() > 0.8 ? 'ATELIER' : 'OEM',
      priority: Math.floor(next() * 3),
      dueDate: new Date(1_800_000_000_000 + Math.floor(next() * 1e9)),
      createdAt: new Date(1_700_000_000_000 + n * 1000),
      previousOperatorIds: next() > 0.5 ? [pick(candidates).id] : [],
      skippedOperatorIds: next() > 0.9 ? [pick(candidates).id] : [],
    };
  });
  const rules: AssignmentRuleRecord[] = NODES.map((node, n) => ({
    id: `rule-${node}`,
    active: true,
    graphId: 'bench',
    nodeKey: node,
    workCenterId: null,
    teamId: n === 2 ? 'team-a' : null,
    skills: [],
    policy: n === 1 ? 'offer' : 'auto',
    claimTimeoutSec: null,
    offerTimeoutSec: null,
    maxOpenMinutes: 300,
    overdueMinutes: null,
    weights: { skillMargin: 5 },
    createdAt: new Date(0),
  }));
  return { candidates, items, rules };
}

const percentile = (sorted: readonly number[], p: number): number =>
  sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;

/**
 * Times one assignment decision (the rule that applies, every candidate filtered and scored,
 * ranked, the policy applied) for each of the 5,000 ready items against 200 operators, after a
 * warm-up pass; returns wall-clock p50 and p99 and CPU-time p99 in milliseconds (3 decimals).
 */
export function benchAssignmentDecisions(): {
  assignmentDecisionP50Ms: number;
  assignmentDecisionP99Ms: number;
  assignmentDecisionCpuP99Ms: number;
} {
  const { candidates, items, rules } = decisionInputs();
  const decideOne = (item: AssignableItem) =>
    decideAssignment(item, candidates, resolveAssignmentRule(rules, item, undefined));
  for (const item of items) decideOne(item);
  const times: number[] = [];
  // CPU time too: on a shared machine the wall time's tail is mostly other processes' turns.
  const cpuTimes: number[] = [];
  let chosen = 0;
  for (const item of items) {
    const cpu = process.cpuUsage();
    const began = performance.now();
    const decision = decideOne(item);
    times.push(performance.now() - began);
    const used = process.cpuUsage(cpu);
    cpuTimes.push((used.user + used.system) / 1000);
    if (decision.chosenId !== null) chosen += 1;
  }
  // The decisions must have found people, or the figure would time empty work.
  if (chosen < items.length / 2) throw new Error(`only ${chosen} of ${items.length} decisions chose someone`);
  times.sort((a, b) => a - b);
  cpuTimes.sort((a, b) => a - b);
  const round = (ms: number) => Math.round(ms * 1000) / 1000;
  return {
    assignmentDecisionP50Ms: round(percentile(times, 50)),
    assignmentDecisionP99Ms: round(percentile(times, 99)),
    assignmentDecisionCpuP99Ms: round(percentile(cpuTimes, 99)),
  };
}
