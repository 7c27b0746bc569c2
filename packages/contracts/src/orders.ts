import { z } from 'zod';

/** Which kind of order a piece belongs to: an OEM manufacturing order or an atelier job. */
export type OrderKind = 'manufacturingOrder' | 'atelierJob';

/** Schemas shared by manufacturing orders and atelier jobs (each kind has its own module too). */

/** Lifecycle of an order or atelier job. */
export const orderStatusSchema = z.enum(['draft', 'released', 'in_progress', 'completed', 'cancelled']);

/**
 * Piece counts of an order. A piece is a top-level token: one physical bag, wallet or belt. The
 * components a piece is split into at a parallel step (e.g. body and strap) are parts of their
 * piece and never counted here.
 *
 * `completed + inFlight + notReleased` is the order's quantity. A piece scrapped (`QC_FAIL`) or
 * cancelled for a redesign is replaced by a new piece started at the beginning of the routing: the
 * replacement counts towards the quantity (in `completed` or `inFlight`, and in `replacements`),
 * the piece it replaces only in `scrapped` or `cancelled`. A `PERMANENT` cancellation lowers the
 * quantity instead. Every piece is in exactly one of completed, inFlight, scrapped and cancelled.
 */
export const orderProgressSchema = z
  .object({
    completed: z.number().int().min(0).describe('Pieces finished at an end of the routing that is not a scrap end.'),
    inFlight: z
      .number()
      .int()
      .min(0)
      .describe('Pieces on the routing now (worked, waiting for their components or for a decision).'),
    notReleased: z
      .number()
      .int()
      .min(0)
      .describe(
        'The rest of the quantity: pieces with no token yet (all of them before release), or scrapped at a scrap end with no replacement.',
      ),
    scrapped: z
      .number()
      .int()
      .min(0)
      .describe(
        'Pieces scrapped: cancelled `QC_FAIL` (each has a replacement), or routed to a scrap end by a failed inspection. Not part of the quantity.',
      ),
    cancelled: z
      .number()
      .int()
      .min(0)
      .describe(
        'Pieces cancelled `REDESIGN` (each has a replacement on the new version) or `PERMANENT` (the quantity dropped). Not part of the quantity.',
      ),
    replacements: z
      .number()
      .int()
      .min(0)
      .describe('Of the completed and in-flight pieces, those that replace a scrapped or cancelled piece.'),
  })
  .meta({ id: 'OrderProgress' });

/** The routing an order follows; `version` is the published version it was released on (null before release). */
export const routingRefSchema = z
  .object({ code: z.string(), name: z.string(), version: z.number().int().nullable() })
  .meta({ id: 'RoutingRef' });

/** In-flight tokens of one kind (pieces, or components) at a node. */
const tokensAtNodeSchema = z.object({
  active: z.number().int().min(0).describe('Being worked, or waiting for an operator, at the node.'),
  waiting: z
    .number()
    .int()
    .min(0)
    .describe(
      'A piece waiting at a join for its components, or held at a QC step for a manager decision; a component arrived at its join, waiting for its siblings.',
    ),
});

/**
 * Live counts at one node of the order's routing, in the routing's node order. A piece split at a
 * parallel step waits at the step's join while its components are worked, so `pieces` summed over
 * the nodes is the order's `progress.inFlight`, and each of `ended`'s counts summed over the nodes
 * is the same count of `progress`.
 */
export const nodeCountSchema = z
  .object({
    nodeKey: z.string(),
    name: z.string(),
    type: z.string(),
    active: z
      .number()
      .int()
      .min(0)
      .describe('Tokens (pieces and components together) active at the node: `pieces.active + components.active`.'),
    waiting: z
      .number()
      .int()
      .min(0)
      .describe('Tokens (pieces and components together) waiting at the node: `pieces.waiting + components.waiting`.'),
    pieces: tokensAtNodeSchema.describe('Pieces (top-level tokens) in flight at the node.'),
    components: tokensAtNodeSchema.describe(
      'Components (tokens split from a piece at a parallel step, e.g. body and strap) in flight at the node.',
    ),
    ended: z
      .object({
        completed: z.number().int().min(0).describe('Pieces finished at this end node.'),
        scrapped: z
          .number()
          .int()
          .min(0)
          .describe(
            'Pieces scrapped here: routed to this scrap end, or cancelled `QC_FAIL` while at this node (a split piece: at its join).',
          ),
        cancelled: z
          .number()
          .int()
          .min(0)
          .describe('Pieces cancelled `REDESIGN` or `PERMANENT` while at this node (a split piece: at its join).'),
      })
      .describe('Pieces that left the routing at this node.'),
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
export function orderCreateBodySchema<Shape extends z.ZodRawShape>(
  shape: Shape,
  noun: string,
  productionType: 'OEM' | 'ATELIER',
) {
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
