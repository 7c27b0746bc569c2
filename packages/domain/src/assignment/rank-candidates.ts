import type { EffectiveRule } from './assignment-rule.ts';
import type { AssignableItem, Candidate } from './candidate-filters.ts';

/** Each component of a candidate's ranking, as the explain output shows it. */
export interface RankingScore {
  /** Worked earlier steps of this ATELIER piece (ranks before everyone else). */
  readonly continuity: boolean;
  readonly openMinutes: number;
  /** Levels above the minimum, summed over the required skills. */
  readonly skillMargin: number;
  readonly lastAssignedAt: Date | null;
  /** `load × openMinutes − skillMargin weight × skillMargin`; lower ranks first. */
  readonly score: number;
}

/** One component of the ranking for a candidate (plain data, no I/O). */
export function scoreCandidate(candidate: Candidate, item: AssignableItem, rule: EffectiveRule): RankingScore {
  const continuity =
    rule.weights.continuity && item.productionType === 'ATELIER' && item.previousOperatorIds.includes(candidate.id);
  const skillMargin = item.skills.reduce(
    (sum, required) => sum + (candidate.skillLevels.get(required.code) ?? 0) - required.minLevel,
    0,
  );
  const score = rule.weights.load * candidate.openMinutes - rule.weights.skillMargin * skillMargin;
  return {
    continuity,
    openMinutes: candidate.openMinutes,
    skillMargin,
    lastAssignedAt: candidate.lastAssignedAt,
    score,
  };
}

/**
 * Ranking order (negative: `a` first): atelier continuity, then the weighted score (open load,
 * skill margin), then the stronger skill margin, then round-robin (least recently assigned first,
 * never assigned before anyone), then the id, so the order is total and deterministic.
 */
export function compareRanking(a: { id: string; score: RankingScore }, b: { id: string; score: RankingScore }): number {
  if (a.score.continuity !== b.score.continuity) return a.score.continuity ? -1 : 1;
  if (a.score.score !== b.score.score) return a.score.score - b.score.score;
  if (a.score.skillMargin !== b.score.skillMargin) return b.score.skillMargin - a.score.skillMargin;
  const aLast = a.score.lastAssignedAt?.getTime() ?? -Infinity;
  const bLast = b.score.lastAssignedAt?.getTime() ?? -Infinity;
  if (aLast !== bLast) return aLast < bLast ? -1 : 1;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/**
 * The order ready items are decided in: higher priority first, then the earlier due date (none
 * last), then the older item, then the id.
 */
export function compareItems(a: AssignableItem, b: AssignableItem): number {
  if (a.priority !== b.priority) return b.priority - a.priority;
  const aDue = a.dueDate?.getTime() ?? Infinity;
  const bDue = b.dueDate?.getTime() ?? Infinity;
  if (aDue !== bDue) return aDue < bDue ? -1 : 1;
  if (a.createdAt.getTime() !== b.createdAt.getTime()) return a.createdAt.getTime() - b.createdAt.getTime();
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}
