import type { Review } from '@safeschools/contract';
import type { z } from 'zod';
import type { ReviewRecord } from '../../../db/registry/reviews/reviews.repository.js';

type Wire = z.output<typeof Review>;

const area = (record: ReviewRecord, id: unknown): Wire['foundArea'] => {
  const found = typeof id === 'string' ? record.areas[id] : undefined;
  return found ? { id: found.id, name: found.name, names: found.names ?? {} } : null;
};

/** The review on the wire: the school's code, name and point, never anything about its children but counts. */
export function presentReview(record: ReviewRecord): Wire {
  const school = record.school;
  const action = record.resolution?.action as NonNullable<Wire['resolution']>['action'] | undefined;
  return {
    id: record.id,
    version: record.version,
    kind: record.kind as Wire['kind'],
    status: record.status as Wire['status'],
    importId: record.importId,
    createdAt: record.createdAt.toISOString(),
    updatedAt: record.updatedAt.toISOString(),
    school: school && {
      id: school.id,
      code: school.code,
      name: school.name,
      lon: school.lon,
      lat: school.lat,
      placement: school.placement as NonNullable<Wire['school']>['placement'],
      area: area(record, school.areaId),
    },
    declared: school?.declared ?? {},
    declaredArea: area(record, record.detail.declaredAreaId),
    foundArea: area(record, record.detail.foundAreaId ?? (record.kind === 'area_name_mismatch' ? null : record.detail.areaId)),
    detail: record.detail,
    resolution: action
      ? {
          action,
          comment: (record.resolution?.comment as string | null | undefined) ?? null,
          by: record.resolvedBy,
          at: record.resolvedAt?.toISOString() ?? null,
        }
      : null,
  };
}
