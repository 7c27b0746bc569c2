import type { GraphRule } from '../graph-rule.ts';
import { graphIssue, nodeLabel } from '../graph-issue.ts';
import type { GraphIssue } from '../graph-issue.ts';

/** `UNKNOWN_REFERENCE`: work centers, skills and presets named in node config exist (checked per known list). */
export const unknownReference: GraphRule = (index, context) => {
  const workCenters = context.workCenters && new Set(context.workCenters.map((w) => w.code));
  const skills = context.skills && new Set(context.skills);
  const presets = context.presetCodes && new Set(context.presetCodes);
  const issues: GraphIssue[] = [];
  if (!workCenters && !skills && !presets) return issues;
  for (const node of index.nodes) {
    const key = node.key;
    const config = node.config;
    if (!config) continue;
    const report = (what: string): void =>
      void issues.push(
        graphIssue('UNKNOWN_REFERENCE', `${nodeLabel(index, key)} refers to ${what}, which does not exist.`, [key]),
      );
    if (workCenters && config.workCenter !== undefined && !workCenters.has(config.workCenter))
      report(`work center "${config.workCenter}"`);
    for (const skill of config.skills ?? []) if (skills && !skills.has(skill.code)) report(`skill "${skill.code}"`);
    if (presets && config.preset !== undefined && !presets.has(config.preset)) report(`preset "${config.preset}"`);
  }
  return issues;
};
