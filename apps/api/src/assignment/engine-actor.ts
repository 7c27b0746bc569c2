import type { Actor } from '../auth/actor.ts';

/** The assignment engine as the actor of what its timers do (`system:assignment-engine` on events). */
export const ENGINE_ACTOR: Actor = {
  kind: 'system',
  userId: null,
  apiKeyId: null,
  roles: ['manager'],
  displayName: 'assignment-engine',
  station: false,
};
