import type { AssignmentPolicy, NodeConfig, SkillRequirement } from '../graph/graph-schema.ts';
import type { StepPlace } from '../rules/qualification.ts';

/** How much each ranking component counts (SPEC §2): a rule may tune them, defaults otherwise. */
export interface RankingWeights {
  /** Score points per open standard minute of the candidate (lower load ranks first). */
  readonly load: number;
  /** Score points per skill level above the minimum (a stronger candidate ranks first). */
  readonly skillMargin: number;
  /** For ATELIER pieces: the artisan who worked earlier steps of the piece comes before everyone else. */
  readonly continuity: boolean;
}

/** The weights when a rule sets none: load decides, skill margin breaks ties, continuity on. */
export const DEFAULT_RANKING_WEIGHTS: RankingWeights = { load: 1, skillMargin: 0, continuity: true };

/** Seconds an offer waits for an answer when no rule says. */
export const DEFAULT_OFFER_TIMEOUT_SEC = 300;

/** An assignment rule as stored: for one node of a routing or for a whole work center. */
export interface AssignmentRuleRecord {
  readonly id: string;
  readonly active: boolean;
  readonly graphId: string | null;
  readonly nodeKey: string | null;
  readonly workCenterId: string | null;
  readonly teamId: string | null;
  /** Skills a candidate needs besides the node's own (the rule's candidate filter). */
  readonly skills: readonly SkillRequirement[];
  readonly policy: AssignmentPolicy;
  readonly claimTimeoutSec: number | null;
  readonly offerTimeoutSec: number | null;
  /** Candidates with more open standard minutes than this are not chosen (null: no cap). */
  readonly maxOpenMinutes: number | null;
  /** In-progress work with no activity for this long raises an overdue escalation (null: default). */
  readonly overdueMinutes: number | null;
  readonly weights: Partial<RankingWeights>;
  /** Among equally specific rules, the newest wins. */
  readonly createdAt: Date;
}

/** Where the rule that applies came from, most specific first. */
export type RuleSource = 'node-rule' | 'work-center-rule' | 'node-config';

/** The assignment settings that apply to one work step, and where they came from. */
export interface EffectiveRule {
  readonly source: RuleSource;
  /** The winning rule's id; null when the node's own config applies. */
  readonly ruleId: string | null;
  readonly policy: AssignmentPolicy;
  readonly teamId: string | null;
  /** Skills the rule requires besides the node's own. */
  readonly skills: readonly SkillRequirement[];
  readonly claimTimeoutSec: number | null;
  readonly offerTimeoutSec: number;
  readonly maxOpenMinutes: number | null;
  readonly overdueMinutes: number | null;
  readonly weights: RankingWeights;
}

const specificity = (rule: AssignmentRuleRecord): number => (rule.nodeKey === null ? 0 : 1);

/**
 * The rule for a step: an active rule for this node of this routing wins over one for the step's
 * work center (a rule naming no node), which wins over the node config's `assignmentPolicy`
 * (default `pool`: anyone eligible claims). Among equally specific rules the newest wins.
 */
export function resolveAssignmentRule(
  rules: readonly AssignmentRuleRecord[],
  place: StepPlace,
  config: NodeConfig | undefined,
): EffectiveRule {
  const matching = rules.filter(
    (rule) =>
      rule.active &&
      ((rule.graphId === place.graphId && rule.nodeKey === place.nodeKey) ||
        (rule.nodeKey === null && place.workCenterId !== null && rule.workCenterId === place.workCenterId)),
  );
  const [winner] = [...matching].sort(
    (a, b) =>
      specificity(b) - specificity(a) || b.createdAt.getTime() - a.createdAt.getTime() || (a.id < b.id ? -1 : 1),
  );
  const nodeTimeout = config?.claimTimeoutMinutes === undefined ? null : Math.round(config.claimTimeoutMinutes * 60);
  if (winner === undefined) {
    return {
      source: 'node-config',
      ruleId: null,
      policy: config?.assignmentPolicy ?? 'pool',
      teamId: null,
      skills: [],
      claimTimeoutSec: nodeTimeout,
      offerTimeoutSec: DEFAULT_OFFER_TIMEOUT_SEC,
      maxOpenMinutes: null,
      overdueMinutes: null,
      weights: DEFAULT_RANKING_WEIGHTS,
    };
  }
  return {
    source: winner.nodeKey === null ? 'work-center-rule' : 'node-rule',
    ruleId: winner.id,
    policy: winner.policy,
    teamId: winner.teamId,
    skills: winner.skills,
    claimTimeoutSec: winner.claimTimeoutSec ?? nodeTimeout,
    offerTimeoutSec: winner.offerTimeoutSec ?? DEFAULT_OFFER_TIMEOUT_SEC,
    maxOpenMinutes: winner.maxOpenMinutes,
    overdueMinutes: winner.overdueMinutes,
    weights: { ...DEFAULT_RANKING_WEIGHTS, ...winner.weights },
  };
}

/** Minutes of no activity after which in-progress work is overdue when no rule says: at least two hours. */
export const DEFAULT_OVERDUE_MINUTES = 120;

/**
 * Minutes without activity (a start, resume or pause) after which an in-progress item is escalated
 * as overdue: the rule's `overdueMinutes`, else three times the step's standard minutes but at
 * least {@link DEFAULT_OVERDUE_MINUTES}.
 */
export function overdueLimitMinutes(rule: EffectiveRule, standardMinutes: number): number {
  return rule.overdueMinutes ?? Math.max(DEFAULT_OVERDUE_MINUTES, 3 * standardMinutes);
}
