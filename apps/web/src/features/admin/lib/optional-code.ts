import { catalogCodeSchema } from '@atelier/contracts';
import { z } from 'zod';

/** A reference a form may leave empty ("" in a select: none), else a code as the API takes it. */
export const optionalCode = z.union([z.literal(''), catalogCodeSchema]);
