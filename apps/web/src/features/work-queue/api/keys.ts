/** Query keys of the work queue, in one place so commands and live events find the lists they change. */
export const workQueueKeys = {
  all: ['work-queue'] as const,
  lists: () => [...workQueueKeys.all, 'list'] as const,
  mine: () => [...workQueueKeys.lists(), 'mine'] as const,
  available: () => [...workQueueKeys.lists(), 'available'] as const,
  item: (id: string) => [...workQueueKeys.all, 'item', id] as const,
  operators: (filter: { qualifiedFor?: string }) => [...workQueueKeys.all, 'operators', filter] as const,
};
