import type { GraphRule } from '../graph-rule.ts';
import { graphIssue, nodeLabels } from '../graph-issue.ts';

/** `WORK_CENTER_NO_CAPACITY` (warning): steps planned on a work center that has no stations. */
export const workCenterNoCapacity: GraphRule = (index, context) => {
  if (!context.workCenters) return [];
  const empty = new Set(context.workCenters.filter((w) => w.capacity <= 0).map((w) => w.code));
  const nodesByCenter = new Map<string, string[]>();
  for (const node of index.nodes) {
    const key = node.key;
    const center = node.config?.workCenter;
    if (center === undefined || !empty.has(center)) continue;
    const keys = nodesByCenter.get(center);
    if (keys) keys.push(key);
    else nodesByCenter.set(center, [key]);
  }
  return [...nodesByCenter].map(([center, keys]) =>
    graphIssue(
      'WORK_CENTER_NO_CAPACITY',
      `Work center "${center}" has no stations, so work planned there would wait: ${nodeLabels(index, keys)}.`,
      keys,
    ),
  );
};
