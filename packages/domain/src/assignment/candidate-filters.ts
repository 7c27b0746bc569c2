import type { SkillRequirement } from '../graph/graph-schema.ts';
import type { EffectiveRule } from './assignment-rule.ts';

/** A person the engine may give work to, with what the filters and the ranking need to know. */
export interface Candidate {
  readonly id: string;
  readonly active: boolean;
  /** Has the operator role. */
  readonly operator: boolean;
  /** Attendance: marked present. */
  readonly present: boolean;
  readonly teamId: string | null;
  /** The home work center of the candidate's team (null: moves between work centers, e.g. the atelier). */
  readonly homeWorkCenterId: string | null;
  /** Skill level per skill code; a missing skill is level 0. */
  readonly skillLevels: ReadonlyMap<string, number>;
  /** Standard minutes of the work items assigned to them or in progress / paused with them. */
  readonly openMinutes: number;
  /** When the engine (or a claim) last gave them an item; null: never. */
  readonly lastAssignedAt: Date | null;
}

/** A ready work item the engine decides about. */
export interface AssignableItem {
  readonly id: string;
  /** The piece's root token (continuity is per piece). */
  readonly pieceId: string;
  readonly graphId: string;
  readonly nodeKey: string;
  readonly workCenterId: string | null;
  readonly skills: readonly SkillRequirement[];
  readonly standardMinutes: number;
  readonly productionType: 'OEM' | 'ATELIER';
  readonly priority: number;
  readonly dueDate: Date | null;
  readonly createdAt: Date;
  /** Operators who worked earlier steps of the same piece (atelier continuity). */
  readonly previousOperatorIds: readonly string[];
  /** Operators who declined this item's offer or let its claim time out: skipped for it. */
  readonly skippedOperatorIds: readonly string[];
}

/** Why a candidate was left out, in the order the filters run. */
export type ExclusionReason =
  'inactive' | 'not-operator' | 'absent' | 'skill' | 'team' | 'work-center' | 'load-cap' | 'skipped';

/** The filters in the order they run; the first that fails names the exclusion. */
export const EXCLUSION_ORDER: readonly ExclusionReason[] = [
  'inactive',
  'not-operator',
  'absent',
  'skill',
  'team',
  'work-center',
  'load-cap',
  'skipped',
];

/** A filter's verdict: eligible, or the first filter that excluded the candidate and a plain detail. */
export type FilterVerdict =
  { readonly eligible: true } | { readonly eligible: false; readonly reason: ExclusionReason; readonly detail: string };

const excluded = (reason: ExclusionReason, detail: string): FilterVerdict => ({ eligible: false, reason, detail });

/** The first required skill the candidate lacks at its minimum level, if any. */
function missingSkill(candidate: Candidate, skills: readonly SkillRequirement[]): SkillRequirement | undefined {
  return skills.find((required) => (candidate.skillLevels.get(required.code) ?? 0) < required.minLevel);
}

/**
 * Runs the candidate filters (SPEC §2) on one candidate for one item: active, an operator,
 * present, every skill the node and the rule require at its minimum level, in the rule's team, at home in the item's
 * work center (a team without a home work center works anywhere), under the rule's open-load cap,
 * and not skipped for this item (declined its offer or let its claim time out).
 */
export function filterCandidate(
  candidate: Candidate,
  item: AssignableItem,
  rule: EffectiveRule,
  /** The node's and the rule's skills together (a caller filtering many candidates passes them once). */
  skills: readonly SkillRequirement[] = [...item.skills, ...rule.skills],
): FilterVerdict {
  if (!candidate.active) return excluded('inactive', 'deactivated');
  if (!candidate.operator) return excluded('not-operator', 'not an operator');
  if (!candidate.present) return excluded('absent', 'marked absent');
  const missing = missingSkill(candidate, skills);
  if (missing !== undefined) {
    const level = candidate.skillLevels.get(missing.code) ?? 0;
    return excluded('skill', `${missing.code} level ${level} < ${missing.minLevel}`);
  }
  if (rule.teamId !== null && candidate.teamId !== rule.teamId) return excluded('team', 'not in the rule’s team');
  if (
    item.workCenterId !== null &&
    candidate.homeWorkCenterId !== null &&
    candidate.homeWorkCenterId !== item.workCenterId
  )
    return excluded('work-center', 'team works at another work center');
  if (rule.maxOpenMinutes !== null && candidate.openMinutes + item.standardMinutes > rule.maxOpenMinutes)
    return excluded(
      'load-cap',
      `${candidate.openMinutes} + ${item.standardMinutes} open minutes > cap ${rule.maxOpenMinutes}`,
    );
  if (item.skippedOperatorIds.includes(candidate.id)) return excluded('skipped', 'declined or let the claim time out');
  return { eligible: true };
}
