/**
 * The visit number of a token's new work item at `nodeKey`: 1 on the first visit, one more for
 * each earlier work item of the same token at that node (a token comes back after rework).
 * `previousVisits` are the node keys of the token's earlier work items, in any order.
 */
export function nextVisit(previousVisits: readonly string[], nodeKey: string): number {
  return previousVisits.filter((key) => key === nodeKey).length + 1;
}
