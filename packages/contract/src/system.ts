import { z } from 'zod';
import { endpoint } from './endpoint.js';

export const Health = z.object({
  status: z.enum(['ok', 'degraded']),
  database: z.enum(['pglite', 'postgresql']),
  version: z.string(),
  uptimeSeconds: z.number(),
  jobs: z.enum(['running', 'stopped']),
});

export const health = endpoint({
  id: 'health',
  method: 'GET',
  path: '/api/health',
  summary: 'Liveness and which database the server runs on',
  tag: 'system',
  response: Health,
  auth: 'public',
});
