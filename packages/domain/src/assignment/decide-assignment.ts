import type { EffectiveRule } from './assignment-rule.ts';
import {
  EXCLUSION_ORDER,
  filterCandidate,
  type AssignableItem,
  type Candidate,
  type ExclusionReason,
} from './candidate-filters.ts';
import { compareRanking, scoreCandidate, type RankingScore } from './rank-candidates.ts';

/**
 * What the engine does with a ready item: assign the best candidate (`auto`), offer it to them
 * (`offer`), leave it for anyone eligible to claim (`pool`) or for a manager (`manual`); an `auto`
 * or `offer` item nobody may take is `unassignable` (an inbox item says why).
 */
export type AssignmentAction = 'assign' | 'offer' | 'pool' | 'manual' | 'unassignable';

/** One candidate as the engine saw it: eligible with its rank and score, or excluded and why. */
export interface CandidateExplanation {
  readonly userId: string;
  readonly eligible: boolean;
  /** 1 = best; null when excluded. */
  readonly rank: number | null;
  readonly score: RankingScore | null;
  readonly excludedBy: ExclusionReason | null;
  readonly detail: string | null;
}

/** The engine's decision about one item, as plain data: the explain output (SPEC §2). */
export interface AssignmentDecision {
  readonly workItemId: string;
  readonly rule: EffectiveRule;
  readonly action: AssignmentAction;
  /** Who gets the item (assign) or its offer (offer); null otherwise. */
  readonly chosenId: string | null;
  /** Eligible candidates best first, then the excluded ones. */
  readonly candidates: readonly CandidateExplanation[];
  /** How many candidates each filter excluded. */
  readonly excludedBy: Readonly<Partial<Record<ExclusionReason, number>>>;
  /** For an unassignable item: the filter that excluded the most candidates (which one shut everyone out). */
  readonly blockingFilter: ExclusionReason | null;
}

function countExclusions(candidates: readonly CandidateExplanation[]): Partial<Record<ExclusionReason, number>> {
  const counts: Partial<Record<ExclusionReason, number>> = {};
  for (const candidate of candidates)
    if (candidate.excludedBy !== null) counts[candidate.excludedBy] = (counts[candidate.excludedBy] ?? 0) + 1;
  return counts;
}

/** The filter that excluded the most candidates; the earlier filter on a tie; null when nobody was considered. */
function mostExcluding(counts: Partial<Record<ExclusionReason, number>>): ExclusionReason | null {
  let best: ExclusionReason | null = null;
  for (const reason of EXCLUSION_ORDER)
    if ((counts[reason] ?? 0) > (best === null ? 0 : (counts[best] ?? 0))) best = reason;
  return best;
}

/**
 * Decides one ready item: filters every candidate, ranks the eligible ones and applies the rule's
 * policy. Pure and deterministic: the same item, candidates and rule give the same decision.
 */
export function decideAssignment(
  item: AssignableItem,
  candidates: readonly Candidate[],
  rule: EffectiveRule,
): AssignmentDecision {
  const eligible: { id: string; score: RankingScore }[] = [];
  const excluded: CandidateExplanation[] = [];
  const skills = [...item.skills, ...rule.skills];
  for (const candidate of candidates) {
    const verdict = filterCandidate(candidate, item, rule, skills);
    if (verdict.eligible) eligible.push({ id: candidate.id, score: scoreCandidate(candidate, item, rule) });
    else
      excluded.push({
        userId: candidate.id,
        eligible: false,
        rank: null,
        score: null,
        excludedBy: verdict.reason,
        detail: verdict.detail,
      });
  }
  eligible.sort(compareRanking);
  excluded.sort((a, b) => (a.userId < b.userId ? -1 : a.userId > b.userId ? 1 : 0));
  const ranked: CandidateExplanation[] = eligible.map((entry, index) => ({
    userId: entry.id,
    eligible: true,
    rank: index + 1,
    score: entry.score,
    excludedBy: null,
    detail: null,
  }));
  const best = ranked[0]?.userId ?? null;
  const all = [...ranked, ...excluded];
  const excludedBy = countExclusions(all);
  const action: AssignmentAction =
    rule.policy === 'pool' || rule.policy === 'manual'
      ? rule.policy
      : best === null
        ? 'unassignable'
        : rule.policy === 'auto'
          ? 'assign'
          : 'offer';
  return {
    workItemId: item.id,
    rule,
    action,
    chosenId: action === 'assign' || action === 'offer' ? best : null,
    candidates: all,
    excludedBy,
    blockingFilter: action === 'unassignable' ? mostExcluding(excludedBy) : null,
  };
}
