import { benchBpmnEngine, benchDomainRouting, benchRoutingGraph } from './routing-bench.ts';

/**
 * `pnpm bench:domain`: prints ONE JSON line with the validator timing, the domain routing
 * throughput and the same routing in bpmn-engine, with the targets and whether they are met.
 */
async function main(): Promise<void> {
  benchDomainRouting(benchRoutingGraph, 300); // warm up the JIT before measuring
  const routing = benchDomainRouting(benchRoutingGraph, 2000);
  await benchBpmnEngine(benchRoutingGraph, 300);
  const bpmnEngine = await benchBpmnEngine(benchRoutingGraph, 2000);
  // Like for like: work items completed and routed per second vs user tasks signalled per second.
  const ratio = Math.round(routing.workItemsPerSec / bpmnEngine.userTasksPerSec);
  const targets = { routingVsBpmnRatio: 100, met: ratio >= 100 };
  process.stdout.write(`${JSON.stringify({ routing, bpmnEngine, ratio, targets })}\n`);
}

await main();
