import { sql } from 'drizzle-orm';
import type { Scope } from '@safeschools/domain';
import type { Database, Executor } from '../database.js';
import { schoolChildren } from '../schools/school-children.js';
import { schoolVisibleTo, pathVisibleTo } from '../scope/scope-filter.js';

export interface DashboardCounts {
  schools: number;
  /** Children summed over the schools that have an enrolment; `schoolsWithChildren` says how many those are. */
  children: number;
  schoolsWithChildren: number;
  plans: number;
  plansApproved: number;
  drills: number;
  drillsLastSixMonths: number;
  areas: number;
}

/** All counts in one round trip, each filtered by the viewer's scope. */
export async function dashboardCounts(database: Database, on: Executor, viewer: Scope, now: Date): Promise<DashboardCounts> {
  const s = schoolVisibleTo(viewer, sql`s.id`, sql`s.area_path`);
  const p = schoolVisibleTo(viewer, sql`p.school_id`, sql`p.area_path`);
  const d = schoolVisibleTo(viewer, sql`d.school_id`, sql`d.area_path`);
  const a = pathVisibleTo(viewer, sql`a.path`);
  const children = schoolChildren('s');
  const sixMonthsAgo = new Date(now);
  sixMonthsAgo.setUTCMonth(sixMonthsAgo.getUTCMonth() - 6);
  const rows = await database.rows<Record<keyof DashboardCounts, number>>(
    sql`SELECT
      c.schools, c.children, c."schoolsWithChildren",
      (SELECT count(*) FROM sdm_plans p WHERE p.deleted_at IS NULL AND ${p}) AS plans,
      (SELECT count(*) FROM sdm_plans p WHERE p.deleted_at IS NULL AND p.status = 'approved' AND ${p}) AS "plansApproved",
      (SELECT count(*) FROM drills d WHERE d.deleted_at IS NULL AND ${d}) AS drills,
      (SELECT count(*) FROM drills d WHERE d.deleted_at IS NULL AND d.held_on >= ${sixMonthsAgo.toISOString().slice(0, 10)}::date AND ${d}) AS "drillsLastSixMonths",
      (SELECT count(*) FROM areas a WHERE a.deleted_at IS NULL AND ${a}) AS areas
    FROM (SELECT count(*) AS schools, coalesce(sum(${children}), 0)::bigint AS children,
            count(${children}) AS "schoolsWithChildren"
          FROM schools s WHERE s.deleted_at IS NULL AND ${s}) c`,
    on,
  );
  return rows[0]!;
}
