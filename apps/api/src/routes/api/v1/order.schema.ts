import { z } from 'zod';

/**
 * Schemas shared by manufacturing orders and atelier jobs. The web app imports these (and the
 * per-resource files beside the routes) so API, OpenAPI document and UI agree on one shape.
 */

/** Lifecycle of an order or atelier job. */
export const orderStatusSchema = z.enum(['draft', 'released', 'in_progress', 'completed', 'cancelled']);

/**
 * Piece counts of an order. Pieces are top-level tokens (components made at a split are parts of
 * their piece). `notReleased` is the part of the target quantity with no piece yet (all of it for a
 * draft); a cancelled piece with a replacement is counted once as cancelled and its replacement as
 * in flight or completed.
 */
export const orderProgressSchema = z
  .object({
    completed: z.number().int().min(0),
    inFlight: z.number().int().min(0),
    cancelled: z.number().int().min(0),
    notReleased: z.number().int().min(0),
  })
  .meta({ id: 'OrderProgress' });

/** The routing an order follows; `version` is the published version it was released on (null before release). */
export const routingRefSchema = z
  .object({ code: z.string(), name: z.string(), version: z.number().int().nullable() })
  .meta({ id: 'RoutingRef' });

/** Live counts at one node of the order's routing, in the routing's node order. */
export const nodeCountSchema = z
  .object({
    nodeKey: z.string(),
    name: z.string(),
    type: z.string(),
    /** Pieces (or components) being worked or waiting for an operator at the node. */
    active: z.number().int().min(0),
    /** Pieces waiting at a split for their components, or components waiting at a join. */
    waiting: z.number().int().min(0),
    workItems: z.object({
      ready: z.number().int().min(0),
      assigned: z.number().int().min(0),
      inProgress: z.number().int().min(0),
      paused: z.number().int().min(0),
    }),
  })
  .meta({ id: 'NodeCount' });

/** `:id` of an order route: its UUID or its code (`MO-2026-0012`). */
export const orderParamsSchema = z.object({
  id: z.string().min(1).max(64).describe('The UUID or the code of the order.'),
});

/** Calendar date `YYYY-MM-DD`. */
export const isoDateSchema = z.iso.date();

/** Output type of {@link orderProgressSchema}. */
export type OrderProgress = z.infer<typeof orderProgressSchema>;
/** Output type of {@link nodeCountSchema}. */
export type NodeCount = z.infer<typeof nodeCountSchema>;
/** Output type of {@link routingRefSchema}. */
export type RoutingRef = z.infer<typeof routingRefSchema>;

/** Request fields that try to set a production type; an order's kind is fixed by its resource. */
const PRODUCTION_TYPE_FIELD = /^(production[_-]?type|type|kind|order[_-]?type|oem|atelier)$/i;

/**
 * A strict create body: unknown fields are refused (400), and a production-type field gets a
 * message saying why — a manufacturing order is always OEM, an atelier job always ATELIER.
 */
export function orderCreateBodySchema<Shape extends z.ZodRawShape>(shape: Shape, noun: string, productionType: 'OEM' | 'ATELIER') {
  return z.strictObject(shape, {
    error: (issue) => {
      if (issue.code !== 'unrecognized_keys') return undefined;
      const typed = issue.keys.filter((key) => PRODUCTION_TYPE_FIELD.test(key));
      const list = (keys: readonly string[]) => keys.map((key) => `"${key}"`).join(', ');
      if (typed.length === 0) return `Unknown field ${list(issue.keys)}.`;
      return `A ${noun} is always ${productionType}: it has no production type to set. Remove ${list(typed)}.`;
    },
  });
}

/** Fields every order create body has. */
export const orderCreateFields = {
  product: z.string().trim().min(1).max(200),
  quantity: z.number().int().min(1).max(10_000).describe('Pieces to make: one token each on release.'),
  dueDate: isoDateSchema.nullable().optional(),
  routing: z.string().min(1).max(100).describe('UUID or code of the routing graph (e.g. `TOTE-01`).'),
  priority: z.number().int().min(0).max(9).optional().describe('0 (normal) … 9; work items inherit it.'),
};

/** `POST …/{id}/release` (body optional): attributes every piece starts with (decision nodes route on them). */
export const releaseBodySchema = z
  .strictObject({
    attributes: z
      .record(z.string().min(1).max(64), z.union([z.string().max(200), z.number(), z.boolean()]))
      .optional()
      .describe('e.g. `{"leather": "calf", "colour": "Cognac"}`'),
  })
  // No body at all is a release with no attributes.
  .nullish();
