import { canWorkItem } from '@atelier/domain';
import type { WorkItemView } from '@atelier/contracts';

/** What a work card offers its operator. */
export type CardAction =
  'claim' | 'start' | 'pause' | 'resume' | 'complete' | 'inspect' | 'handOff' | 'requeue' | 'join' | 'leave';

/** An action and, when it is shown but cannot be given yet, why. */
export interface OfferedAction {
  readonly action: CardAction;
  /** `needsColleagues`: a multi-operator step cannot start before its minimum have joined. */
  readonly blocked?: 'needsColleagues';
}

/** The operators working on the item now (holder first). */
export function boundOperators(item: Pick<WorkItemView, 'operators'>): WorkItemView['operators'] {
  return item.operators.filter((operator) => operator.bound);
}

/**
 * The actions a card offers operator `me`, main action first, as the work-item machine allows them
 * (the table from the domain, the guards mirrored: the holder starts and sends back, a bound
 * operator pauses, resumes, completes, hands off and — not the last one — leaves; a colleague may
 * join a multi-operator step with room). The API still decides; this only chooses the buttons.
 */
export function cardActions(item: WorkItemView, me: string): OfferedAction[] {
  const bound = boundOperators(item).map((operator) => operator.userId);
  const mine = bound.includes(me);
  const holder = item.assigneeId === me;
  const offered: OfferedAction[] = [];
  const allow = (action: CardAction, command: Parameters<typeof canWorkItem>[1], when = true) => {
    if (when && canWorkItem(item.state, command)) offered.push({ action });
  };

  if (!mine) {
    allow('claim', 'claim');
    const room = item.node.maxOperators > 1 && bound.length < item.node.maxOperators && bound.length > 0;
    allow('join', 'join', room);
    return offered;
  }
  if (holder && canWorkItem(item.state, 'start')) {
    offered.push(
      bound.length >= item.node.minOperators ? { action: 'start' } : { action: 'start', blocked: 'needsColleagues' },
    );
  }
  allow('resume', 'resume');
  allow(item.node.kind === 'qc' ? 'inspect' : 'complete', 'complete');
  allow('pause', 'pause');
  allow('handOff', 'handoff');
  allow('requeue', 'requeue', holder);
  allow('leave', 'leave', bound.length > 1);
  return offered;
}
