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

/** A link to another order (a hybrid job's MO, an MO's hybrid jobs). */
export type OrderRef = NonNullable<AtelierJob['mo']>;

/** `POST /atelier-jobs`: a draft ATELIER job; `moId` links a hybrid job to the MO whose pieces it finishes. */
export const createAtelierJobBodySchema = orderCreateBodySchema(
  {
    code: z
      .string()
      .regex(/^AJ-\d{4}-\d{4,}$/, 'A code reads like AJ-2026-0031.')
      .optional()
      .describe('Generated (`AJ-<year>-<4 digits>`) when omitted.'),
    customer: z.string().trim().min(1).max(200).nullable().optional(),
    moId: z
      .string()
      .min(1)
      .max(64)
      .nullable()
      .optional()
      .describe('UUID or code of the manufacturing order of a hybrid job.'),
    ...orderCreateFields,
  },
  'atelier job',
  'ATELIER',
).meta({ id: 'CreateAtelierJob' });
