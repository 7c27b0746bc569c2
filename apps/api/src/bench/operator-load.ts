import { BENCH_FIRST_NODE } from './bench-routing.ts';
import { KeepAliveConnection, type Answer } from './keep-alive-connection.ts';

/** A signed-in simulated operator. */
export interface BenchOperator {
  readonly userId: string;
  readonly cookie: string;
}

/**
 * How an operator takes a new piece: `next` asks the API for the next one (`POST
 * /work-items/claim-next`, the tablet's "take next" button); `list` reads the queue (`GET
 * /work-items?available=me`, 200 items) and claims one of them at random, reading again after a
 * lost claim (a tablet showing the queue).
 */
export type TakeMode = 'next' | 'list';

/** How long and against what the load runs. */
export interface OperatorLoadOptions {
  readonly port: number;
  readonly operators: readonly BenchOperator[];
  readonly take: TakeMode;
  /** Commands that start before this are not counted (connections, caches and JIT warm up). */
  readonly warmupMs: number;
  readonly durationMs: number;
}

/** What the load measured in its window. */
export interface OperatorLoadResult {
  readonly commandsPerSec: number;
  readonly completionsPerSec: number;
  readonly p50Ms: number;
  readonly p99Ms: number;
  /** Latency per command kind. */
  readonly byCommand: Record<CommandKind, { count: number; p50Ms: number; p99Ms: number }>;
  /** Claims that lost to another operator (409): part of real work, not counted as commands. */
  readonly lostClaims: number;
  /** Any other non-2xx answer: should be zero. */
  readonly errors: number;
  /** Queue reads (`GET /work-items?available=me`, mode `list`) per second, not counted as commands. */
  readonly listsPerSec: number;
  /** An operator found the queue empty before the window ended: the figures undercount (release more pieces). */
  readonly ranOutOfWork: boolean;
}

type CommandKind = 'claim' | 'start' | 'complete';

function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] as number;
}

const round = (value: number): number => Math.round(value * 100) / 100;

function shuffle<T>(items: T[]): T[] {
  for (let i = items.length - 1; i > 0; i--) {
    const j = Math.floor(Math.random() * (i + 1));
    [items[i], items[j]] = [items[j] as T, items[i] as T];
  }
  return items;
}

/**
 * Simulated operators working as fast as the API lets them, each over one keep-alive connection:
 * take a piece at the first step (see {@link TakeMode}), then claim → start → complete, and
 * follow the same piece to its next step (atelier continuity) until it is done.
 * Every claim (a take included), start and complete that succeeds counts as one command.
 */
export async function runOperatorLoad(options: OperatorLoadOptions): Promise<OperatorLoadResult> {
  const begin = performance.now();
  const windowStart = begin + options.warmupMs;
  const windowEnd = windowStart + options.durationMs;
  const samples: Record<CommandKind, number[]> = { claim: [], start: [], complete: [] };
  let lostClaims = 0;
  let errors = 0;
  let lists = 0;
  let ranOutOfWork = false;

  // One keep-alive connection per operator, as each tablet keeps its own.
  const connections = new Map(
    options.operators.map((operator) => [
      operator,
      new KeepAliveConnection(options.port, `cookie: ${operator.cookie}\r\n`),
    ]),
  );
  const call = (operator: BenchOperator, method: 'GET' | 'POST', path: string, json?: unknown): Promise<Answer> =>
    (connections.get(operator) as KeepAliveConnection).request(method, `/api/v1${path}`, json);

  const command = async (operator: BenchOperator, kind: CommandKind, path: string, json?: unknown): Promise<Answer> => {
    const started = performance.now();
    const answer = await call(operator, 'POST', path, json);
    const counted = started >= windowStart && started < windowEnd;
    if (answer.status === 200 && counted) samples[kind].push(performance.now() - started);
    else if (answer.status === 409 && kind === 'claim') lostClaims += counted ? 1 : 0;
    else if (answer.status !== 200) errors += 1;
    return answer;
  };

  // Mode `list`: each operator's shuffled page of the queue, read again when empty or stale.
  const pages = new Map<BenchOperator, string[]>();
  const claimFromList = async (operator: BenchOperator): Promise<Answer | null> => {
    let candidates = pages.get(operator) ?? [];
    if (candidates.length === 0) {
      const page = await call(operator, 'GET', `/work-items?available=me&node=${BENCH_FIRST_NODE}&limit=200`);
      if (performance.now() >= windowStart) lists += 1;
      candidates = shuffle((JSON.parse(page.body) as { items: { id: string }[] }).items.map((item) => item.id));
      pages.set(operator, candidates);
      if (candidates.length === 0) return null;
    }
    const claim = await command(operator, 'claim', `/work-items/${candidates.pop() as string}/claim`);
    // Someone was faster: the list is stale, so look at the queue again (as a tablet refreshes).
    if (claim.status === 409) pages.set(operator, []);
    return claim;
  };
  const takeNext = async (operator: BenchOperator): Promise<Answer | null> => {
    const claim = await command(operator, 'claim', '/work-items/claim-next', { node: BENCH_FIRST_NODE });
    return claim.status === 404 ? null : claim;
  };
  const take = options.take === 'next' ? takeNext : claimFromList;

  const work = async (operator: BenchOperator): Promise<void> => {
    let next: string | null = null;
    while (performance.now() < windowEnd) {
      let id = next;
      next = null;
      if (id === null) {
        const claim = await take(operator);
        if (claim === null) {
          ranOutOfWork = true;
          break;
        }
        if (claim.status !== 200) continue;
        id = (JSON.parse(claim.body) as { id: string }).id;
      } else if ((await command(operator, 'claim', `/work-items/${id}/claim`)).status !== 200) continue;
      if ((await command(operator, 'start', `/work-items/${id}/start`)).status !== 200) continue;
      const completed = await command(operator, 'complete', `/work-items/${id}/complete`);
      if (completed.status === 200)
        next = (JSON.parse(completed.body) as { next: { id: string }[] }).next[0]?.id ?? null;
    }
  };

  await Promise.all(options.operators.map(work));
  for (const connection of connections.values()) connection.close();

  const seconds = options.durationMs / 1000;
  const all = [...samples.claim, ...samples.start, ...samples.complete].sort((a, b) => a - b);
  const byCommand = Object.fromEntries(
    (Object.keys(samples) as CommandKind[]).map((kind) => {
      const sorted = [...samples[kind]].sort((a, b) => a - b);
      return [
        kind,
        { count: sorted.length, p50Ms: round(percentile(sorted, 50)), p99Ms: round(percentile(sorted, 99)) },
      ];
    }),
  ) as OperatorLoadResult['byCommand'];
  return {
    commandsPerSec: round(all.length / seconds),
    completionsPerSec: round(samples.complete.length / seconds),
    p50Ms: round(percentile(all, 50)),
    p99Ms: round(percentile(all, 99)),
    byCommand,
    lostClaims,
    errors,
    listsPerSec: round(lists / seconds),
    ranOutOfWork,
  };
}
