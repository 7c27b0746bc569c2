import { z } from 'zod';

/** One field that failed validation: where it was (`body`, `querystring`, …), its path and what to fix. */
export const fieldErrorSchema = z.object({
  in: z.string(),
  path: z.string(),
  message: z.string(),
});

/**
 * RFC 9457 problem details, as every error response of the API is shaped (`application/problem+json`).
 * `code` is stable and machine-readable; extra members may follow (for example `errors`).
 */
export const problemSchema = z
  .looseObject({
    type: z.string(),
    title: z.string(),
    status: z.number().int(),
    detail: z.string(),
    code: z.string(),
    instance: z.string().optional(),
    errors: z.array(fieldErrorSchema).optional(),
  })
  .meta({ id: 'Problem' });

/** A problem-details body. */
export type Problem = z.infer<typeof problemSchema>;

/** One field of a request that failed validation. */
export type FieldError = z.infer<typeof fieldErrorSchema>;
