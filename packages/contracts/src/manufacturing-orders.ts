import { z } from 'zod';
import {
  isoDateSchema,
  nodeCountSchema,
  orderProgressSchema,
  orderCreateBodySchema,
  orderCreateFields,
  orderStatusSchema,
  routingRefSchema,
} from './orders.ts';
import { pageSchema } from './paging.ts';

/** A manufacturing order (OEM by construction) as listed, with its piece progress. */
export const manufacturingOrderSchema = z
  .object({
    id: z.uuid(),
    code: z.string(),
    product: z.string(),
    client: z.string(),
    quantity: z.number().int().describe('Target quantity; drops when a piece is cancelled PERMANENT.'),
    dueDate: isoDateSchema.nullable(),
    status: orderStatusSchema,
    routing: routingRefSchema.nullable(),
    progress: orderProgressSchema,
  })
  .meta({ id: 'ManufacturingOrder' });

/** One manufacturing order with live counts per node and its linked (hybrid) atelier jobs. */
export const manufacturingOrderDetailSchema = manufacturingOrderSchema
  .extend({
    nodes: z.array(nodeCountSchema),
    atelierJobs: z.array(z.object({ id: z.uuid(), code: z.string() })),
  })
  .meta({ id: 'ManufacturingOrderDetail' });

/** A page of manufacturing orders. */
export const manufacturingOrderPageSchema = pageSchema(manufacturingOrderSchema).meta({ id: 'ManufacturingOrderPage' });

/** A manufacturing order as listed. */
export type ManufacturingOrder = z.infer<typeof manufacturingOrderSchema>;
/** A manufacturing order with per-node counts. */
export type ManufacturingOrderDetail = z.infer<typeof manufacturingOrderDetailSchema>;

/** `POST /manufacturing-orders`: a draft OEM order. No production-type field: an MO is OEM by construction. */
export const createManufacturingOrderBodySchema = orderCreateBodySchema(
  {
    code: z
      .string()
      .regex(/^MO-\d{4}-\d{4,}$/, 'A code reads like MO-2026-0012.')
      .optional()
      .describe('Generated (`MO-<year>-<4 digits>`) when omitted.'),
    client: z.string().trim().min(1).max(200).describe('The brand client.'),
    ...orderCreateFields,
  },
  'manufacturing order',
  'OEM',
).meta({ id: 'CreateManufacturingOrder' });
