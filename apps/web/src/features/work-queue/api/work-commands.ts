import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { PauseReason, WorkItemView } from '@atelier/contracts';
import { newIdempotencyKey, postJson } from '../../../api/http-client.ts';
import { workQueueKeys } from './keys.ts';

/** A command a station gives, with its body. */
export type WorkCommand =
  | { type: 'claim' | 'start' | 'resume' | 'requeue' | 'join' | 'leave' }
  | { type: 'pause'; reason: PauseReason }
  | { type: 'complete' }
  | {
      type: 'inspect';
      qc: { result: 'pass' | 'fail' | 'rework'; reasonCodes: string[]; note?: string; checked: string[] };
    }
  | { type: 'handOff'; toUserId: string };

function pathAndBody(id: string, command: WorkCommand): [string, unknown] {
  switch (command.type) {
    case 'pause':
      return [`/work-items/${id}/pause`, { reason: command.reason }];
    case 'inspect':
      return [`/work-items/${id}/complete`, { qc: command.qc }];
    case 'handOff':
      return [`/work-items/${id}/handoff`, { toUserId: command.toUserId }];
    default:
      return [`/work-items/${id}/${command.type}`, {}];
  }
}

/**
 * The key of a command: the same command on the same version of the item is one intent, so a
 * double tap (or a retry after a lost answer) is answered once by the API and never done twice.
 */
export function commandKey(item: Pick<WorkItemView, 'id' | 'version'>, command: WorkCommand): string {
  return `wq.${item.id}.${command.type}.v${item.version}`;
}

/** Gives a command on a work item; afterwards the lists are read again (live events patch them meanwhile). */
export function useWorkCommand() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ item, command }: { item: WorkItemView; command: WorkCommand }) => {
      const [path, body] = pathAndBody(item.id, command);
      return postJson<unknown>(path, body, { idempotencyKey: commandKey(item, command) });
    },
    onSettled: (_data, _error, { item }) =>
      Promise.all([
        client.invalidateQueries({ queryKey: workQueueKeys.lists() }),
        client.invalidateQueries({ queryKey: workQueueKeys.item(item.id) }),
      ]),
  });
}

/** "Take the next piece": claim-next, each press its own key (the button is busy until the answer). */
export function useTakeNext() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: () =>
      postJson<{ id: string }>('/work-items/claim-next', {}, { idempotencyKey: `wq.next.${newIdempotencyKey()}` }),
    onSettled: () => client.invalidateQueries({ queryKey: workQueueKeys.lists() }),
  });
}
