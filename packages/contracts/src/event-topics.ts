import { nodeKeySchema } from '@atelier/domain';
import { z } from 'zod';

/**
 * Subscription topics: `order:<uuid>`, `node:<key>`, `work-center:<uuid>`, `operator:<uuid>`.
 * An event matches a filter when any of its topic columns equals one of the filter's values; an
 * empty filter matches every event.
 */
export interface TopicFilter {
  readonly orderIds: readonly string[];
  readonly nodeKeys: readonly string[];
  readonly workCenterIds: readonly string[];
  readonly operatorIds: readonly string[];
}

/** The topic columns of an event, as `matchesTopics` reads them. */
export interface TopicColumns {
  readonly orderId: string | null;
  readonly nodeKey: string | null;
  readonly workCenterId: string | null;
  readonly operatorId: string | null;
}

const uuid = z.uuid();

const KINDS = {
  order: { field: 'orderIds', schema: uuid, expected: 'an order id (UUID)' },
  node: { field: 'nodeKeys', schema: nodeKeySchema, expected: 'a node key (1-64 letters, digits, "_", "-" or ".")' },
  'work-center': { field: 'workCenterIds', schema: uuid, expected: 'a work center id (UUID)' },
  operator: { field: 'operatorIds', schema: uuid, expected: 'an operator (user) id (UUID)' },
} as const;

/** The filter that lets every event through. */
export const ALL_TOPICS: TopicFilter = { orderIds: [], nodeKeys: [], workCenterIds: [], operatorIds: [] };

/** The result of parsing topics: the filter, or a message saying which topic is malformed. */
export type ParsedTopics = { ok: true; filter: TopicFilter } | { ok: false; message: string };

/** Parses topic strings (`order:<uuid>` …) into a filter. */
export function parseTopics(topics: readonly string[]): ParsedTopics {
  const filter = {
    orderIds: [] as string[],
    nodeKeys: [] as string[],
    workCenterIds: [] as string[],
    operatorIds: [] as string[],
  };
  for (const topic of topics) {
    const colon = topic.indexOf(':');
    const kind = KINDS[topic.slice(0, colon) as keyof typeof KINDS] as (typeof KINDS)[keyof typeof KINDS] | undefined;
    const value = topic.slice(colon + 1);
    if (colon < 0 || !kind) {
      return {
        ok: false,
        message: `Unknown topic ${JSON.stringify(topic)}: use order:<id>, node:<key>, work-center:<id> or operator:<id>.`,
      };
    }
    if (!kind.schema.safeParse(value).success) {
      return {
        ok: false,
        message: `Malformed topic ${JSON.stringify(topic)}: ${kind.expected} must follow the colon.`,
      };
    }
    // PostgreSQL prints UUIDs in lower case; node keys are case-sensitive.
    filter[kind.field].push(kind.schema === uuid ? value.toLowerCase() : value);
  }
  return { ok: true, filter };
}

/** Whether the filter lets every event through. */
export function isAllTopics(filter: TopicFilter): boolean {
  return (
    filter.orderIds.length + filter.nodeKeys.length + filter.workCenterIds.length + filter.operatorIds.length === 0
  );
}

/** Whether an event belongs to at least one topic of the filter (any event, for an empty filter). */
export function matchesTopics(filter: TopicFilter, event: TopicColumns): boolean {
  if (isAllTopics(filter)) return true;
  return (
    (event.orderId !== null && filter.orderIds.includes(event.orderId)) ||
    (event.nodeKey !== null && filter.nodeKeys.includes(event.nodeKey)) ||
    (event.workCenterId !== null && filter.workCenterIds.includes(event.workCenterId)) ||
    (event.operatorId !== null && filter.operatorIds.includes(event.operatorId))
  );
}
