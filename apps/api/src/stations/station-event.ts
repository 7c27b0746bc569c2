import type { NewEvent } from '../events/new-event.ts';

/**
 * The outbox row of a station change: `station.<verb>` with the station's id and name and what
 * else the change concerns. Never a pairing code or a device token.
 */
export function stationEvent(
  actor: string | null,
  verb: string,
  station: { id: string; name: string },
  data: Record<string, unknown> = {},
): NewEvent {
  return { type: `station.${verb}`, actor, data: { id: station.id, name: station.name, ...data } };
}
