import { z } from 'zod';

/**
 * What the factory knows beyond the graph. Each part is optional; the checks that need it
 * (`UNKNOWN_REFERENCE`, skill and capacity warnings) run only when it is given. The schema lets the
 * CLI (`--context FILE`) and the API accept it from JSON.
 */
export const validationContextSchema = z.strictObject({
  /** Known work centers; `capacity` is the number of parallel stations. */
  workCenters: z
    .array(z.object({ code: z.string().min(1), capacity: z.number() }))
    .readonly()
    .optional(),
  /** Known skill codes. */
  skills: z.array(z.string().min(1)).readonly().optional(),
  /** Operators with their skill levels; `active: false` ones are ignored (default active). */
  operators: z
    .array(
      z.object({
        active: z.boolean().optional(),
        skills: z.array(z.object({ code: z.string(), level: z.number() })).readonly(),
      }),
    )
    .readonly()
    .optional(),
  /** Known preset codes (defaults and user presets). */
  presetCodes: z.array(z.string().min(1)).readonly().optional(),
});

/** Factory data the validator checks references and warnings against. */
export type ValidationContext = z.infer<typeof validationContextSchema>;
