import { sql, type SQL } from 'drizzle-orm';
import type { Scope } from '@safeschools/domain';
import type { Database, Executor } from '../../database.js';
import { pathVisibleTo, schoolVisibleTo } from '../../scope/scope-filter.js';

/** A review with the school it concerns and the names of the areas involved, as the list shows it. */
export interface ReviewRecord {
  id: string;
  version: number;
  kind: string;
  status: string;
  importId: string | null;
  createdAt: Date;
  updatedAt: Date;
  detail: Record<string, unknown>;
  resolution: Record<string, unknown> | null;
  resolvedBy: string | null;
  resolvedAt: Date | null;
  school: {
    id: string;
    code: string | null;
    name: string;
    version: number;
    lon: number | null;
    lat: number | null;
    placement: string;
    declared: Record<string, Record<string, string>>;
    areaId: string | null;
    areaPath: string[];
  } | null;
  areas: Record<string, { id: string; name: string; names: Record<string, string> }>;
}

export interface ReviewFilter {
  kind?: string;
  status: string;
  areaId?: string;
  importId?: string;
  afterId?: string;
}

/**
 * A review is visible when the areas it involves (its own path: both the found and the declared area's) or its
 * school lie in the viewer's scope, so the officers of both districts in a disagreement see it.
 */
const visible = (viewer: Scope): SQL =>
  sql`(${pathVisibleTo(viewer, sql`r.area_path`)} OR (s.id IS NOT NULL AND ${schoolVisibleTo(viewer, sql`s.id`, sql`s.area_path`)}))`;

function conditions(viewer: Scope, filter: ReviewFilter): SQL {
  const where: SQL[] = [visible(viewer), sql`r.status = ${filter.status}`];
  if (filter.kind) where.push(sql`r.kind = ${filter.kind}`);
  if (filter.areaId) where.push(sql`(r.area_path @> ARRAY[${filter.areaId}]::uuid[] OR s.area_path @> ARRAY[${filter.areaId}]::uuid[])`);
  if (filter.importId) where.push(sql`r.import_id = ${filter.importId}`);
  if (filter.afterId) where.push(sql`r.id > ${filter.afterId}`);
  return sql.join(where, sql` AND `);
}

const selectReviews = (where: SQL, tail: SQL): SQL => sql`
  SELECT r.id, r.version, r.kind, r.status, r.import_id, r.created_at, r.updated_at, r.detail, r.resolution,
         r.resolved_by, r.resolved_at,
         s.id AS school_id, s.code AS school_code, s.name AS school_name, s.version AS school_version,
         ST_X(s.location) AS lon, ST_Y(s.location) AS lat, s.placement, s.declared_areas, s.area_id, s.area_path,
         (SELECT coalesce(jsonb_object_agg(a.id, jsonb_build_object('id', a.id, 'name', a.name, 'names', a.names)), '{}'::jsonb)
            FROM areas a WHERE a.id IN (s.area_id, (r.detail->>'declaredAreaId')::uuid, (r.detail->>'foundAreaId')::uuid,
                                        (r.detail->>'areaId')::uuid)) AS area_names
  FROM registry_reviews r LEFT JOIN schools s ON s.id = r.school_id AND s.deleted_at IS NULL
  WHERE ${where} ${tail}`;

const toDate = (v: unknown): Date => (v instanceof Date ? v : new Date(String(v)));

function record(r: Record<string, unknown>): ReviewRecord {
  return {
    id: r.id as string,
    version: Number(r.version),
    kind: r.kind as string,
    status: r.status as string,
    importId: (r.import_id as string | null) ?? null,
    createdAt: toDate(r.created_at),
    updatedAt: toDate(r.updated_at),
    detail: (r.detail ?? {}) as Record<string, unknown>,
    resolution: (r.resolution as Record<string, unknown> | null) ?? null,
    resolvedBy: (r.resolved_by as string | null) ?? null,
    resolvedAt: r.resolved_at ? toDate(r.resolved_at) : null,
    school: r.school_id
      ? {
          id: r.school_id as string,
          code: (r.school_code as string | null) ?? null,
          name: r.school_name as string,
          version: Number(r.school_version),
          lon: (r.lon as number | null) ?? null,
          lat: (r.lat as number | null) ?? null,
          placement: r.placement as string,
          declared: (r.declared_areas ?? {}) as Record<string, Record<string, string>>,
          areaId: (r.area_id as string | null) ?? null,
          areaPath: (r.area_path as string[] | null) ?? [],
        }
      : null,
    areas: (r.area_names ?? {}) as ReviewRecord['areas'],
  };
}

export async function listVisibleReviews(
  database: Database,
  viewer: Scope,
  filter: ReviewFilter & { limit: number },
): Promise<ReviewRecord[]> {
  const rows = await database.rows(selectReviews(conditions(viewer, filter), sql`ORDER BY r.id LIMIT ${filter.limit}`));
  return rows.map(record);
}

/** One visible review; `lock` takes it FOR UPDATE so two people settling it at once are serialised. */
export async function findVisibleReview(
  database: Database,
  on: Executor,
  viewer: Scope,
  id: string,
  lock = false,
): Promise<ReviewRecord | undefined> {
  const where = sql`r.id = ${id} AND ${visible(viewer)}`;
  const rows = await database.rows(selectReviews(where, lock ? sql`FOR UPDATE OF r` : sql``), on);
  return rows[0] ? record(rows[0]) : undefined;
}

export async function countVisibleReviews(
  database: Database,
  viewer: Scope,
  filter: { status: string; areaId?: string; importId?: string },
): Promise<Record<string, number>> {
  const rows = await database.rows<{ kind: string; n: number }>(sql`
    SELECT r.kind, count(*) AS n FROM registry_reviews r LEFT JOIN schools s ON s.id = r.school_id AND s.deleted_at IS NULL
    WHERE ${conditions(viewer, filter)} GROUP BY r.kind`);
  return Object.fromEntries(rows.map((r) => [r.kind, Number(r.n)]));
}

/** Marks a review settled, guarded by the version the decision was based on; false when it had moved on. */
export async function settleReview(
  database: Database,
  on: Executor,
  input: { id: string; version: number; status: 'resolved' | 'dismissed'; actorId: string | null; at: Date; resolution: Record<string, unknown> },
): Promise<boolean> {
  const rows = await database.rows<{ id: string }>(
    sql`UPDATE registry_reviews SET status = ${input.status}, resolution = ${JSON.stringify(input.resolution)}::jsonb,
          resolved_by = ${input.actorId}::uuid, resolved_at = ${input.at.toISOString()}::timestamptz,
          updated_at = ${input.at.toISOString()}::timestamptz, version = version + 1
        WHERE id = ${input.id} AND version = ${input.version} AND status = 'open'
        RETURNING id`,
    on,
  );
  return rows.length === 1;
}
