import { z } from 'zod';
import { endpoint } from './endpoint.js';
import { ListQuery, pageOf } from './common.js';

export const AuditEntry = z
  .object({
    id: z.uuid(),
    at: z.iso.datetime(),
    actorId: z.uuid().nullable(),
    action: z.string(),
    entity: z.string(),
    entityId: z.string().nullable(),
    beforeVersion: z.number().int().nullable(),
    afterVersion: z.number().int().nullable(),
    requestId: z.string().nullable(),
  })
  .meta({ id: 'AuditEntry' });

export const listAudit = endpoint({
  id: 'listAudit',
  method: 'GET',
  path: '/api/v1/audit',
  summary: 'The audit log of writes (administrators and programme managers)',
  tag: 'audit',
  query: ListQuery.extend({ entity: z.string().max(50).optional(), entityId: z.string().max(100).optional() }),
  response: pageOf(AuditEntry),
  auth: 'user',
});
