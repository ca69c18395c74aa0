import { z } from 'zod';

/** RFC 9457 problem details, with the stable `code` clients branch on. */
export const Problem = z
  .object({
    type: z.string(),
    title: z.string(),
    status: z.number().int(),
    code: z.string(),
    detail: z.string().optional(),
    instance: z.string().optional(),
    requestId: z.string().optional(),
    errors: z
      .array(z.object({ path: z.string(), message: z.string(), code: z.string().optional() }))
      .optional(),
    /** Seconds until a retry can succeed, as in the `Retry-After` header (with `RATE_LIMITED`). */
    retryAfter: z.number().int().min(1).optional(),
  })
  .meta({ id: 'Problem' });
export type Problem = z.infer<typeof Problem>;
