import type { Writable } from 'node:stream';
import { once } from 'node:events';
import { affectedSchoolsPage, type AffectedSchoolRow } from '../../db/events/event-impact.repository.js';
import { csvLine } from '../exports/csv-cell.js';
import { requirePermission, type Ctx } from '../shared/context.js';
import { getEvent } from './list-events.js';

export type EventExportFormat = 'csv' | 'hxl' | 'geojson';

export const eventExportTypes: Record<EventExportFormat, { type: string; extension: string }> = {
  csv: { type: 'text/csv; charset=utf-8', extension: 'csv' },
  hxl: { type: 'text/csv; charset=utf-8', extension: 'csv' },
  geojson: { type: 'application/geo+json', extension: 'geojson' },
};

const PAGE = 5000;

const countOrNull = (n: number | null): number | null => (n === null ? null : Number(n));

// HXL hashtags (HXL standard 1.1): the school as a facility, its location, the intensity as a severity
// measure and children as affected people by sex. An unknown enrolment is an empty cell (null), never 0.
function columns(limitStates: string[], imt: string) {
  return [
    { head: 'school_code', tag: '#loc+code', value: (r: AffectedSchoolRow) => r.code },
    { head: 'school_name', tag: '#loc+name', value: (r: AffectedSchoolRow) => r.name },
    { head: 'district_id', tag: '#adm2+id', value: (r: AffectedSchoolRow) => r.district_id },
    { head: 'lat', tag: '#geo+lat', value: (r: AffectedSchoolRow) => (r.lat === null ? null : Number(r.lat)) },
    { head: 'lon', tag: '#geo+lon', value: (r: AffectedSchoolRow) => (r.lon === null ? null : Number(r.lon)) },
    { head: `intensity_${imt.toLowerCase()}`, tag: `#severity+num+${imt.toLowerCase().replace(/[^a-z0-9]/g, '')}`, value: (r: AffectedSchoolRow) => Number(r.intensity) },
    { head: 'band', tag: '#severity+level', value: (r: AffectedSchoolRow) => Number(r.band) },
    { head: 'children', tag: '#affected+children+total', value: (r: AffectedSchoolRow) => countOrNull(r.children) },
    { head: 'girls', tag: '#affected+children+f', value: (r: AffectedSchoolRow) => countOrNull(r.girls) },
    { head: 'boys', tag: '#affected+children+m', value: (r: AffectedSchoolRow) => countOrNull(r.boys) },
    ...limitStates.map((ls, k) => ({
      head: `p_${ls}`,
      tag: `#indicator+pct+damage+${ls.toLowerCase().replace(/[^a-z0-9]/g, '')}`,
      value: (r: AffectedSchoolRow) => (r.damage[k] === undefined ? null : Number(r.damage[k])),
    })),
  ];
}

async function write(out: Writable, chunk: string): Promise<void> {
  if (!out.write(chunk)) await once(out, 'drain');
}

/**
 * Streams an event's affected schools within the caller's scope, strongest first, page by page so a national
 * event never sits whole in memory. `area` narrows to one admin area.
 */
export async function streamEventSchools(ctx: Ctx, id: string, format: EventExportFormat, area: string | undefined, out: Writable): Promise<void> {
  const actor = requirePermission(ctx, 'events.read');
  const { row: event } = await getEvent(ctx, id);
  const cols = columns(event.limitStates, event.imt);
  if (format === 'geojson') await write(out, '{"type":"FeatureCollection","features":[');
  else {
    await write(out, csvLine(cols.map((c) => c.head)));
    if (format === 'hxl') await write(out, csvLine(cols.map((c) => c.tag)));
  }
  let after: { intensity: number; schoolId: string } | undefined;
  let first = true;
  for (;;) {
    const rows = await affectedSchoolsPage(ctx.database, ctx.tx, actor.scope, id, { limit: PAGE, ...(after ? { after } : {}), ...(area ? { areaId: area } : {}) });
    for (const r of rows) {
      if (format === 'geojson') {
        const properties = Object.fromEntries(cols.filter((c) => c.head !== 'lat' && c.head !== 'lon').map((c) => [c.head, c.value(r)]));
        const geometry = r.lon === null || r.lat === null ? null : { type: 'Point', coordinates: [Number(r.lon), Number(r.lat)] };
        await write(out, `${first ? '' : ','}${JSON.stringify({ type: 'Feature', id: r.school_id, geometry, properties })}`);
      } else await write(out, csvLine(cols.map((c) => c.value(r))));
      first = false;
    }
    if (rows.length < PAGE) break;
    const last = rows[rows.length - 1]!;
    after = { intensity: Number(last.intensity), schoolId: last.school_id };
  }
  if (format === 'geojson') await write(out, ']}');
  out.end();
}
