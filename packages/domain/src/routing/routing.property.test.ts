import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { benchRoutingGraph } from '../bench/routing-bench.ts';
import type { RoutingGraph } from '../graph/graph-schema.ts';
import { arbitraryGraph } from '../testing/generate-graph.ts';
import type { CancellationType, QcOutcome, WorkItem } from '../state/types.ts';
import { checkInvariants } from './check-invariants.ts';
import { TestFactory } from './test-factory.ts';
import {
  decision,
  emptyBranch,
  linear,
  nested,
  pairedStitching,
  qcReworkOnly,
  qcWithFail,
  reworkAroundSplit,
  splitJoin,
} from './test-graphs.ts';

const T0 = Date.UTC(2026, 0, 5, 8);
const operators = ['op-0', 'op-1', 'op-2', 'op-3'];

/** One random thing that happens on the floor. `pick` and `choice` select among what exists then. */
interface Step {
  kind: 'work' | 'other' | 'stray' | 'cancel' | 'release' | 'manager';
  pick: number;
  choice: number;
  operator: number;
  qc: QcOutcome['result'];
  cancellation: CancellationType;
}

const stepArb: fc.Arbitrary<Step> = fc.record({
  kind: fc.oneof(
    { arbitrary: fc.constant('work' as const), weight: 14 },
    { arbitrary: fc.constantFrom('other' as const, 'stray' as const), weight: 4 },
    { arbitrary: fc.constantFrom('cancel' as const, 'release' as const, 'manager' as const), weight: 3 },
  ),
  pick: fc.nat(10_000),
  choice: fc.nat(100),
  operator: fc.nat(operators.length - 1),
  qc: fc.constantFrom<Step['qc']>('pass', 'pass', 'fail', 'rework', 'rework', 'rework'),
  cancellation: fc.constantFrom<CancellationType>('QC_FAIL', 'REDESIGN', 'PERMANENT'),
});

// The attributes the fixture and generated routings decide on (leather, size > 40, colour in …).
const attributesArb = fc.record({
  leather: fc.constantFrom('exotic', 'calf', 'bull'),
  size: fc.integer({ min: 34, max: 46 }),
  colour: fc.constantFrom('cognac', 'tan', 'black'),
});

const fixtureGraphArb = fc.constantFrom(
  linear,
  splitJoin,
  nested,
  emptyBranch,
  decision,
  qcWithFail,
  qcReworkOnly,
  reworkAroundSplit,
  pairedStitching,
  benchRoutingGraph,
);

interface Scenario {
  graph: RoutingGraph;
  pieces: Record<string, unknown>[];
  steps: Step[];
}

const scenarioArb = (graphArb: fc.Arbitrary<RoutingGraph>): fc.Arbitrary<Scenario> =>
  fc.record({
    graph: graphArb,
    pieces: fc.array(attributesArb, { minLength: 1, maxLength: 4 }),
    steps: fc.array(stepArb, { maxLength: 120, size: 'max' }),
  });

const qcOutcome = (result: QcOutcome['result']): QcOutcome => ({
  result,
  reasonCodes: result === 'pass' ? [] : ['DEFECT'],
});

/** Moves a work item one step forward the way its holder would. */
function work(factory: TestFactory, item: WorkItem, step: Step, now: Date): void {
  const holder = item.operators[0] ?? operators[step.operator] ?? 'op-0';
  switch (item.state) {
    case 'ready':
      factory.command(item, { type: 'claim', operatorId: holder, now });
      break;
    case 'assigned': {
      // A multi-artisan step starts once enough colleagues have joined.
      const colleague = operators.find((op) => !item.operators.includes(op)) ?? holder;
      if (item.operators.length < item.minOperators)
        factory.command(item, { type: 'join', operatorId: colleague, now });
      else factory.command(item, { type: 'start', operatorId: holder, now });
      break;
    }
    case 'paused':
      factory.command(item, { type: 'resume', operatorId: holder, now });
      break;
    default:
      factory.complete(item, holder, now, item.kind === 'qc' ? qcOutcome(step.qc) : undefined);
  }
}

/** Side moves: requeue, timeout, pause, join, leave, hand-off. */
function other(factory: TestFactory, item: WorkItem, step: Step, now: Date): void {
  const operatorId = operators[step.operator] ?? 'op-0';
  const holder = item.operators[0] ?? operatorId;
  const moves = [
    () => factory.command(item, { type: 'requeue', operatorId, now }),
    () => factory.command(item, { type: 'timeout', now }),
    () => factory.command(item, { type: 'pause', operatorId: holder, now }),
    () => factory.command(item, { type: 'join', operatorId, now }),
    () => factory.command(item, { type: 'leave', operatorId: item.operators.at(-1) ?? holder, now }),
    () => factory.command(item, { type: 'handoff', operatorId: holder, toOperatorId: operatorId, now }),
  ];
  moves[step.choice % moves.length]?.();
}

/**
 * Anyone trying anything on any item, open or closed: the machines must refuse what is not allowed.
 * (A bare work-item `cancel` is left out: hosts cancel work only through `cancelTokens`.)
 */
function stray(factory: TestFactory, item: WorkItem, step: Step, now: Date): void {
  const operatorId = operators[step.operator] ?? 'op-0';
  const types = ['claim', 'start', 'pause', 'resume', 'complete', 'timeout'] as const;
  const type = types[step.choice % types.length] ?? 'claim';
  if (type === 'complete')
    factory.complete(item, operatorId, now, step.choice % 2 === 0 ? qcOutcome(step.qc) : undefined);
  else if (type === 'timeout') factory.command(item, { type, now });
  else factory.command(item, { type, operatorId, now });
}

function apply(factory: TestFactory, step: Step, index: number): void {
  const now = new Date(T0 + (index + 1) * 60_000);
  const open = factory.openItems();
  const item = open[step.pick % Math.max(open.length, 1)];
  if (step.kind === 'release') return factory.release(`P-extra-${index}`, { leather: 'calf' }, now);
  if (step.kind === 'manager') {
    const held = factory.held();
    const token = held[step.pick % Math.max(held.length, 1)];
    if (token) factory.accept(token, now);
    return;
  }
  if (step.kind === 'cancel') {
    const tokens = [...factory.tokens.values()];
    const target = tokens[step.pick % tokens.length];
    if (target) factory.cancel([target.id], step.cancellation, now);
    return;
  }
  if (step.kind === 'stray') {
    const all = [...factory.items.values()];
    const any = all[step.pick % Math.max(all.length, 1)];
    if (any) stray(factory, any, step, now);
    return;
  }
  if (item === undefined) return;
  if (step.kind === 'other') return other(factory, item, step, now);
  // Mostly an operator carries an item through to completion, sometimes just one step of it.
  const stepsOfWork = step.choice % 3 === 0 ? 1 : 4;
  for (let i = 0; i < stepsOfWork && factory.items.get(item.id)?.state !== 'completed'; i++)
    work(factory, factory.items.get(item.id) ?? item, step, now);
}

/** Runs a scenario, checking every invariant after every step; throws on the first violation. */
function run({ graph, pieces, steps }: Scenario): TestFactory {
  const factory = new TestFactory(graph);
  pieces.forEach((attributes, i) => factory.release(`P-${i + 1}`, attributes, new Date(T0)));
  const check = (when: string) => {
    const problems = checkInvariants(factory);
    if (problems.length > 0) throw new Error(`${when}: ${problems.join('; ')}`);
  };
  check('after release');
  steps.forEach((step, i) => {
    apply(factory, step, i);
    check(`after step ${i} (${step.kind})`);
  });
  return factory;
}

/** Operators finish everything left with a pass, managers accept every held piece. */
function drain(factory: TestFactory): void {
  const passAll: Step = { kind: 'work', pick: 0, choice: 0, operator: 0, qc: 'pass', cancellation: 'PERMANENT' };
  for (let round = 0; factory.openItems().length > 0 || factory.held().length > 0; round++) {
    if (round > 10_000) throw new Error('pieces never finish');
    const now = new Date(T0 + 1e9 + round);
    for (const item of factory.openItems()) work(factory, item, passAll, now);
    for (const token of factory.held()) factory.accept(token, now);
  }
}

const runs = (graphArb: fc.Arbitrary<RoutingGraph>, numRuns: number) => ({ arb: scenarioArb(graphArb), numRuns });

describe.each([
  { name: 'fixture routings', ...runs(fixtureGraphArb, 600) },
  { name: 'generated routings', ...runs(arbitraryGraph({ maxSections: 4, maxExtraNodes: 30 }), 800) },
])('routing properties over $name', ({ arb, numRuns }) => {
  it('keeps every invariant after every operator command, cancellation and release', () => {
    fc.assert(
      fc.property(arb, (scenario) => void run(scenario)),
      { numRuns },
    );
  });

  it('every piece ends completed or cancelled once the work is done and held pieces are accepted', () => {
    fc.assert(
      fc.property(arb, (scenario) => {
        const factory = run(scenario);
        drain(factory);
        expect(checkInvariants(factory)).toEqual([]);
        const unfinished = factory.roots().filter((root) => root.state !== 'completed' && root.state !== 'cancelled');
        expect(unfinished).toEqual([]);
        expect([...factory.tokens.values()].filter((t) => t.state === 'active' || t.state === 'waiting')).toEqual([]);
      }),
      { numRuns: Math.round(numRuns / 2) },
    );
  });

  it('same inputs give the same outputs', () => {
    fc.assert(
      fc.property(arb, (scenario) => {
        const a = run(scenario);
        const b = run(scenario);
        expect(b.events).toEqual(a.events);
        expect([...b.tokens.values()]).toEqual([...a.tokens.values()]);
        expect([...b.items.values()]).toEqual([...a.items.values()]);
        expect(b.inbox).toEqual(a.inbox);
      }),
      { numRuns: Math.round(numRuns / 4) },
    );
  });
});
