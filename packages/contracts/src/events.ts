import { z } from 'zod';
import { parseTopics } from './event-topics.ts';

/** An event position as the API writes it, `"<txId>:<seq>"` (e.g. `"7421:352"`): a client's `since=`. */
export const POSITION_PATTERN = /^\d{1,20}:\d{1,19}$/;

/** An outbox event as clients receive it, over HTTP and the WebSocket. */
export const outboxEventSchema = z
  .object({
    position: z
      .string()
      .describe(
        'Where to resume after this event: pass the `position` of the last event you received as `since`. Events arrive in ' +
          'commit order, which is not always `seq` order, so never resume from the largest `seq` seen.',
      )
      .meta({ example: '7421:352' }),
    seq: z
      .number()
      .int()
      .describe("The event's number in the outbox (unique, assigned at write time; not the delivery order)."),
    type: z.string().describe('Dotted lower case, e.g. `work_item.claimed`.'),
    at: z.string().describe('ISO 8601 UTC.'),
    actor: z.string().nullable(),
    orderId: z.uuid().nullable(),
    tokenId: z.uuid().nullable(),
    workItemId: z.uuid().nullable(),
    nodeKey: z.string().nullable(),
    workCenterId: z.uuid().nullable(),
    operatorId: z.uuid().nullable(),
    data: z.record(z.string(), z.unknown()),
  })
  .meta({ id: 'Event' });

/** Topics as repeated parameters and/or comma-separated lists, parsed and checked. */
const topicsSchema = z
  .union([z.string(), z.array(z.string())])
  .optional()
  .transform((value, context) => {
    const topics = (Array.isArray(value) ? value : value === undefined ? [] : [value])
      .flatMap((item) => item.split(','))
      .map((item) => item.trim())
      .filter((item) => item !== '');
    const parsed = parseTopics(topics);
    if (parsed.ok) return parsed.filter;
    context.addIssue({ code: 'custom', message: parsed.message });
    return z.NEVER;
  })
  .describe(
    'Topics `order:<id>`, `node:<key>`, `work-center:<id>`, `operator:<id>` (repeat or comma-separate); none: every event.',
  );

const sinceSchema = z
  .union([z.string().regex(POSITION_PATTERN), z.coerce.number().int().min(0).max(Number.MAX_SAFE_INTEGER)])
  .describe(
    'The `position` of the last event you received, e.g. `7421:352` (its `seq` works too; 0: from the first event).',
  );

/**
 * Query of `/events`, for the catch-up read (no `since`: from the first event) and the WebSocket
 * (no `since`: from the next event to commit; `limit` unused).
 */
export const eventsQuerySchema = z.object({
  since: sinceSchema.optional(),
  limit: z.coerce.number().int().min(1).max(1000).default(100).describe('Events per page of the HTTP read (1-1000).'),
  topics: topicsSchema,
});

/** A page of the catch-up read. */
export const eventPageSchema = z.object({
  items: z.array(outboxEventSchema),
  nextSince: z
    .string()
    .describe(
      "Pass as `since` for the next page (or to the WebSocket to go live): the last item's `position`, or the `since` asked for when there is none.",
    ),
  more: z.boolean().describe('True when the page was full: ask again at once for the rest.'),
});

/** An outbox event. */
export type OutboxEventBody = z.infer<typeof outboxEventSchema>;

/** What the WebSocket at `/events` sends: JSON text frames. */
export const streamMessageSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('event'), event: outboxEventSchema }),
  z.object({ type: z.literal('caught-up') }),
  z.object({ type: z.literal('pong') }),
  z.object({ type: z.literal('error'), message: z.string() }),
]);

/** A frame of the event stream. */
export type StreamMessageBody = z.infer<typeof streamMessageSchema>;
