import { z } from 'zod';
import {
  isoDateSchema,
  nodeCountSchema,
  orderProgressSchema,
  orderStatusSchema,
  routingRefSchema,
} from '../order.schema.ts';
import { pageSchema } from '../pagination.ts';

/** An atelier (hand-craft) job as listed; `mo` is set for a hybrid job finishing pieces of an MO. */
export const atelierJobSchema = z
  .object({
    id: z.uuid(),
    code: z.string(),
    product: z.string(),
    customer: z.string().nullable(),
    quantity: z.number().int(),
    dueDate: isoDateSchema.nullable(),
    status: orderStatusSchema,
    mo: z.object({ id: z.uuid(), code: z.string() }).nullable(),
    routing: routingRefSchema.nullable(),
    progress: orderProgressSchema,
  })
  .meta({ id: 'AtelierJob' });

/** One atelier job with live counts per node. */
export const atelierJobDetailSchema = atelierJobSchema
  .extend({ nodes: z.array(nodeCountSchema) })
  .meta({ id: 'AtelierJobDetail' });

/** A page of atelier jobs. */
export const atelierJobPageSchema = pageSchema(atelierJobSchema).meta({ id: 'AtelierJobPage' });

/** An atelier job as listed. */
export type AtelierJob = z.infer<typeof atelierJobSchema>;
/** An atelier job with per-node counts. */
export type AtelierJobDetail = z.infer<typeof atelierJobDetailSchema>;
