import { sampleGridValues, type GeoWarning } from '@safeschools/geo';
import type { Database } from '../../db/database.js';
import { areaNames, schoolLabels } from '../../db/events/school-labels.repository.js';
import { FigureSum, figureTotal, type FigureTotal } from '../shared/figure-total.js';
import { assessImpact, type ImpactTotals } from './assess-impact.js';
import { enrolmentAt, type EngineSnapshot } from './impact-engine.js';
import type { ParsedHazard } from './parsed-hazard.js';
import { resolveGeocodes } from './resolve-geocodes.js';

export interface ImpactReport {
  event: { kind: string; title: string; status: string; hazardType: string | null; onset: string | null; imt: string; details: Record<string, unknown> };
  totals: ImpactTotals;
  areas: { areaId: string | null; name: string | null; schools: number; children: FigureTotal; girls: FigureTotal; boys: FigureTotal; maxIntensity: number }[];
  schools: {
    id: string;
    code: string | null;
    name: string;
    lon: number;
    lat: number;
    intensity: number;
    band: number;
    mmi: number | null;
    pga: number | null;
    wind: number | null;
    /** Null when the registry has no enrolment for the school: unknown, not 0. */
    children: number | null;
    damage: Record<string, number>;
  }[];
  warnings: GeoWarning[];
  engine: { schools: number; computeMs: number };
}

const r3 = (x: number): number => Math.round(x * 1000) / 1000;

/**
 * The impact of a hazard on the registry as it is now, without recording an event: for the command line and
 * for scripts. Schools come strongest first.
 */
export async function impactReport(database: Database, snapshot: EngineSnapshot, parsed: ParsedHazard): Promise<ImpactReport> {
  const warnings = [...parsed.warnings];
  const hazard = parsed.hazard ?? (await resolveGeocodes(database, parsed.geocodes, warnings));
  const event = {
    kind: parsed.kind,
    title: parsed.title,
    status: parsed.status,
    hazardType: parsed.hazardType,
    onset: parsed.onset?.toISOString() ?? null,
    imt: hazard ? '' : 'INSIDE',
    details: parsed.details,
  };
  if (!hazard || parsed.cancels) {
    const none = figureTotal(0, 0, 0);
    return { event, totals: { schools: 0, children: none, girls: none, boys: none, expectedByDamageState: [] }, areas: [], schools: [], warnings, engine: { schools: snapshot.index.size, computeMs: 0 } };
  }
  const impact = assessImpact(snapshot, hazard, parsed.seismic);
  warnings.push(...impact.warnings);
  event.imt = impact.imt;
  const { positions, intensity, band, damage } = impact.affected;
  const { lon, lat, areaIdx } = snapshot.index.input;
  const states = impact.limitStates.length;
  // PGA of a ShakeMap is its own field (in %g), not derived from MMI.
  const pgaField = hazard.kind === 'grid' ? hazard.grid.fields['PGA'] : undefined;
  let pgaOf: Float32Array | null = null;
  if (pgaField && hazard.kind === 'grid') {
    const xs = Float64Array.from(positions, (i) => lon[i] as number);
    const ys = Float64Array.from(positions, (i) => lat[i] as number);
    pgaOf = sampleGridValues(xs, ys, hazard.grid.spec, pgaField);
  }
  const order = Array.from(positions.keys()).sort((a, b) => (intensity[b] as number) - (intensity[a] as number));
  const labels = await schoolLabels(database, order.map((k) => snapshot.schoolIds[positions[k] as number] as string));
  type AreaSums = { areaId: string | null; schools: number; children: FigureSum; girls: FigureSum; boys: FigureSum; maxIntensity: number };
  const byArea = new Map<number, AreaSums>();
  const schools = order.map((k) => {
    const i = positions[k] as number;
    const id = snapshot.schoolIds[i] as string;
    const v = intensity[k] as number;
    const a = areaIdx[i] as number;
    const area: AreaSums = byArea.get(a) ?? {
      areaId: a >= 0 ? (snapshot.districtIds[a] as string) : null,
      schools: 0,
      children: new FigureSum(),
      girls: new FigureSum(),
      boys: new FigureSum(),
      maxIntensity: 0,
    };
    const enrolment = enrolmentAt(snapshot, i);
    area.schools += 1;
    area.children.add(enrolment.children);
    area.girls.add(enrolment.girls);
    area.boys.add(enrolment.boys);
    area.maxIntensity = Math.max(area.maxIntensity, r3(v));
    byArea.set(a, area);
    const dmg: Record<string, number> = {};
    impact.limitStates.forEach((ls, s) => (dmg[ls] = r3(damage[k * states + s] as number)));
    return {
      id,
      code: labels.get(id)?.code ?? null,
      name: labels.get(id)?.name ?? '',
      lon: lon[i] as number,
      lat: lat[i] as number,
      intensity: r3(v),
      band: band[k] as number,
      mmi: impact.imt === 'MMI' ? r3(v) : null,
      pga: pgaOf ? r3((pgaOf[k] as number) / 100) : impact.imt === 'PGA' ? r3(v) : null,
      wind: impact.imt === 'WIND' ? r3(v) : null,
      children: enrolment.children,
      damage: dmg,
    };
  });
  const names = await areaNames(database, [...byArea.values()].flatMap((a) => (a.areaId ? [a.areaId] : [])));
  // Most children first; districts whose affected schools have no enrolment at all come last.
  const areas = [...byArea.values()]
    .map((a) => ({
      ...a,
      name: a.areaId ? (names.get(a.areaId)?.name ?? null) : null,
      children: a.children.result(),
      girls: a.girls.result(),
      boys: a.boys.result(),
    }))
    .sort((x, y) => (y.children.total ?? -1) - (x.children.total ?? -1));
  return { event, totals: impact.totals, areas, schools, warnings, engine: { schools: snapshot.index.size, computeMs: Math.round(impact.computeMs * 10) / 10 } };
}
