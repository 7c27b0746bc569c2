import type { SkillRequirement } from '../graph/graph-schema.ts';

/** An operator as the qualification rule sees them. */
export interface OperatorProfile {
  readonly teamId: string | null;
  /** Skill level per skill code; a skill missing here counts as level 0. */
  readonly skillLevels: ReadonlyMap<string, number>;
}

/** A work step as the qualification rule sees it: the node's required skills and the team its assignment rule names. */
export interface StepRequirements {
  readonly skills: readonly SkillRequirement[];
  /** The team from {@link assignedTeam}; null when no rule restricts the step to a team. */
  readonly teamId: string | null;
}

/** An assignment rule restricting a node of a routing, or a work center, to a team. */
export interface AssignmentRule {
  readonly active: boolean;
  readonly graphId: string | null;
  readonly nodeKey: string | null;
  readonly workCenterId: string | null;
  readonly teamId: string | null;
  /** Among rules equally specific, the newest wins. */
  readonly createdAt: Date;
}

/** Where a work item is, for matching assignment rules. */
export interface StepPlace {
  readonly graphId: string;
  readonly nodeKey: string;
  readonly workCenterId: string | null;
}

/**
 * The team the assignment rules restrict a step to: of the active rules matching it, one for this
 * node of this routing wins over one for the step's work center (a rule naming no node), the newest
 * first; null when none matches or the winning rule names no team.
 */
export function assignedTeam(rules: readonly AssignmentRule[], place: StepPlace): string | null {
  const matching = rules.filter(
    (rule) =>
      rule.active &&
      ((rule.graphId === place.graphId && rule.nodeKey === place.nodeKey) ||
        (rule.nodeKey === null && place.workCenterId !== null && rule.workCenterId === place.workCenterId)),
  );
  const specificity = (rule: AssignmentRule): number => (rule.nodeKey === null ? 0 : 1);
  const [winner] = [...matching].sort(
    (a, b) => specificity(b) - specificity(a) || b.createdAt.getTime() - a.createdAt.getTime(),
  );
  return winner?.teamId ?? null;
}

/**
 * Whether `operator` may take work at `step` (SPEC §4): at least the minimum level of every skill
 * the step requires, and a member of the team an assignment rule names, when one does. Presence
 * and the item's state are not part of it: callers check those.
 */
export function isQualified(operator: OperatorProfile, step: StepRequirements): boolean {
  const skilled = step.skills.every((required) => (operator.skillLevels.get(required.code) ?? 0) >= required.minLevel);
  return skilled && (step.teamId === null || step.teamId === operator.teamId);
}
