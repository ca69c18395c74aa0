import { affectedSchoolsPage, impactByDistrict, type AffectedSchoolRow } from '../../db/events/event-impact.repository.js';
import { requirePermission, type Ctx } from '../shared/context.js';
import { decodeSchoolCursor, encodeSchoolCursor } from './event-cursor.js';
import { getEvent } from './list-events.js';
import { enrolmentFrom, expectedFromSums, type EventView } from './present-event.js';

export function presentAffected(row: AffectedSchoolRow, limitStates: string[]) {
  const damage: Record<string, number> = {};
  limitStates.forEach((ls, k) => {
    const p = row.damage[k];
    if (p !== undefined && p !== null) damage[ls] = Number(p);
  });
  return {
    schoolId: row.school_id,
    code: row.code,
    name: row.name,
    lon: row.lon === null ? null : Number(row.lon),
    lat: row.lat === null ? null : Number(row.lat),
    districtId: row.district_id,
    intensity: Number(row.intensity),
    band: Number(row.band),
    girls: row.girls === null ? null : Number(row.girls),
    boys: row.boys === null ? null : Number(row.boys),
    children: row.children === null ? null : Number(row.children),
    damage,
  };
}

/** An event's totals, districts and one page of affected schools, all within the caller's scope. */
export async function getEventImpact(ctx: Ctx, id: string, query: { cursor?: string; limit: number; area?: string; minBand?: number }) {
  const actor = requirePermission(ctx, 'events.read');
  const view: EventView = await getEvent(ctx, id);
  const states = view.row.limitStates.length;
  const districts = await impactByDistrict(ctx.database, ctx.tx, actor.scope, id);
  const rows = await affectedSchoolsPage(ctx.database, ctx.tx, actor.scope, id, {
    limit: query.limit,
    ...(query.cursor ? { after: decodeSchoolCursor(query.cursor) } : {}),
    ...(query.area ? { areaId: query.area } : {}),
    ...(query.minBand ? { minBand: query.minBand } : {}),
  });
  const last = rows.at(-1);
  return {
    view,
    totals: view.totals,
    areas: districts.map((d) => ({
      areaId: d.key,
      name: d.name,
      code: d.codes ? (Object.values(d.codes)[0] ?? null) : null,
      schools: Number(d.schools),
      ...enrolmentFrom(d),
      maxIntensity: Number(d.max_intensity),
      expectedByDamageState: expectedFromSums(Number(d.schools), d, states),
    })),
    schools: {
      items: rows.map((r) => presentAffected(r, view.row.limitStates)),
      nextCursor: rows.length === query.limit && last ? encodeSchoolCursor(Number(last.intensity), last.school_id) : null,
    },
  };
}
