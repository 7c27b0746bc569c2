import type { EffectiveRule } from './assignment-rule.ts';
import type { AssignableItem, Candidate } from './candidate-filters.ts';
import { decideAssignment, type AssignmentDecision } from './decide-assignment.ts';
import { compareItems } from './rank-candidates.ts';

/**
 * Decides a batch of ready items in queue order (priority, due date, age — {@link compareItems}):
 * each item assigned or offered adds its standard minutes to its candidate's open load and makes
 * them the most recently assigned, so the next item sees the load it left (balance and round-robin
 * hold within one batch). `now` is the batch's instant (injected); the returned candidates are the
 * state after the batch.
 */
export function planAssignments(
  items: readonly AssignableItem[],
  candidates: readonly Candidate[],
  ruleFor: (item: AssignableItem) => EffectiveRule,
  now: Date,
): { decisions: AssignmentDecision[]; candidates: Candidate[] } {
  let current = [...candidates];
  const decisions: AssignmentDecision[] = [];
  const ordered = [...items].sort(compareItems);
  ordered.forEach((item, index) => {
    const decision = decideAssignment(item, current, ruleFor(item));
    decisions.push(decision);
    if (decision.chosenId !== null) {
      // Distinct instants inside a batch keep round-robin strict among equally loaded candidates.
      const at = new Date(now.getTime() + index);
      current = current.map((candidate) =>
        candidate.id === decision.chosenId
          ? { ...candidate, openMinutes: candidate.openMinutes + item.standardMinutes, lastAssignedAt: at }
          : candidate,
      );
    }
  });
  return { decisions, candidates: current };
}
