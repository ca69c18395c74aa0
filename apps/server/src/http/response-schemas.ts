import { Problem, type Endpoint } from '@safeschools/contract';
import type { z } from 'zod';

/** Success schema by the endpoint's status, and problem+json for every failure. */
export function responseSchemas(ep: Endpoint): Record<string, z.ZodType> {
  return { [String(ep.successStatus ?? 200)]: ep.response, '4xx': Problem, '5xx': Problem };
}
