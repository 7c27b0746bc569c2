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
