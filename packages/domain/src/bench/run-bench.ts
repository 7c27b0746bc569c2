import { benchBpmnEngine, benchDomainRouting, benchRoutingGraph } from './routing-bench.ts';
import { benchValidate } from './validate-bench.ts';

/**
 * `pnpm bench:domain`: prints ONE JSON line with the validator timing, the domain routing
 * throughput and the same routing in bpmn-engine, with the targets and whether they are met.
 */
async function main(): Promise<void> {
  const validate = benchValidate();
  benchDomainRouting(benchRoutingGraph, 300); // warm up the JIT before measuring
  const routing = benchDomainRouting(benchRoutingGraph, 2000);
  await benchBpmnEngine(benchRoutingGraph, 300);
  const bpmnEngine = await benchBpmnEngine(benchRoutingGraph, 2000);
  // Like for like: work items completed and routed per second vs user tasks signalled per second.
  const ratio = Math.round(routing.workItemsPerSec / bpmnEngine.userTasksPerSec);
  const targets = { validateMedianMs: 5, routingVsBpmnRatio: 100, met: validate.medianMs <= 5 && ratio >= 100 };
  process.stdout.write(`${JSON.stringify({ validate, routing, bpmnEngine, ratio, targets })}\n`);
}

await main();
