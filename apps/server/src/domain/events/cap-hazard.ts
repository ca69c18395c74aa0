import type { CapArea, CapInfo, CapResult, MultiPolygonCoords } from '@safeschools/geo';
import { AppError } from '../shared/app-error.js';
import { bboxOf, circleRing } from './hazard-display.js';
import type { HazardFileOptions } from './read-hazard-file.js';
import type { AreaGeocode, EventStatus, GeoJsonFeature, ParsedHazard } from './parsed-hazard.js';

// A CAP circle of radius 0 names a point; the schools within 1 km of it are taken as meant.
const MIN_CIRCLE_KM = 1;

export const capKey = (sender: string, identifier: string): string => `cap:${sender}:${identifier}`;

const STATUS: Record<string, EventStatus> = {
  actual: 'actual',
  exercise: 'exercise',
  test: 'test',
  system: 'test',
  draft: 'test',
};

const dateOrNull = (text: string | undefined): Date | null => {
  const ms = text ? Date.parse(text) : Number.NaN;
  return Number.isNaN(ms) ? null : new Date(ms);
};

/** The info people read first: English when the alert has it, else the first. */
function mainInfo(infos: CapInfo[]): CapInfo | undefined {
  return infos.find((i) => i.language.toLowerCase().startsWith('en')) ?? infos[0];
}

/** Areas of every info, once each: multilingual alerts repeat the same areas in each language. */
function distinctAreas(infos: CapInfo[]): CapArea[] {
  const seen = new Set<string>();
  const out: CapArea[] = [];
  for (const info of infos) {
    for (const area of info.areas) {
      const key = JSON.stringify([area.polygons, area.circles, area.geocodes]);
      if (seen.has(key)) continue;
      seen.add(key);
      out.push(area);
    }
  }
  return out;
}

/**
 * A CAP alert as an event. Polygons and circles are used as written (circles become polygons when both kinds
 * appear); areas given only by geocodes are resolved against the registry's code systems later. An Update
 * changes the event it references; a Cancel marks it cancelled.
 */
export function capHazard(result: CapResult, options: HazardFileOptions): ParsedHazard {
  const { alert } = result;
  const warnings = [...result.warnings];
  const msgType = alert.msgType.toLowerCase();
  // An Ack acknowledges and an Error rejects the messages it references (CAP 1.2, 3.2.1 msgType): neither is a new
  // warning about a hazard, and neither may change or replace the alert it names, whatever info it carries.
  if (msgType === 'ack' || msgType === 'error') {
    throw new AppError(
      'HAZARD_FILE_INVALID',
      `A CAP ${alert.msgType} message answers other messages; it is not an alert about a hazard.`,
      [{ path: 'file', message: `msgType ${alert.msgType}`, code: 'CAP_NOT_AN_ALERT' }],
    );
  }
  const cancels = msgType === 'cancel';
  const info = mainInfo(alert.infos);
  if (!info && !cancels) {
    throw new AppError('HAZARD_FILE_INVALID', 'The CAP alert has no info block, so it names no hazard and no area.', [
      { path: 'file', message: 'no <info> element', code: 'CAP_NO_INFO' },
    ]);
  }
  const areas = distinctAreas(alert.infos);
  const polygons: MultiPolygonCoords = areas.flatMap((a) => a.polygons.map((ring) => [ring]));
  const circles = areas.flatMap((a) => a.circles);
  const geocodes: AreaGeocode[] = polygons.length || circles.length ? [] : areas.flatMap((a) => a.geocodes);
  const features: GeoJsonFeature[] = [
    ...polygons.map((p) => ({
      type: 'Feature' as const,
      geometry: { type: 'Polygon', coordinates: p },
      properties: { role: 'footprint' },
    })),
    ...circles.map((c) => ({
      type: 'Feature' as const,
      geometry: { type: 'Polygon', coordinates: [circleRing(c.lon, c.lat, Math.max(c.radiusKm, MIN_CIRCLE_KM))] },
      properties: { role: 'circle', radiusKm: c.radiusKm },
    })),
  ];
  let hazard: ParsedHazard['hazard'] = null;
  if (polygons.length > 0) {
    const fromCircles = circles.map((c) => [circleRing(c.lon, c.lat, Math.max(c.radiusKm, MIN_CIRCLE_KM))]);
    hazard = { kind: 'polygons', footprints: [...polygons, ...fromCircles].map((p) => ({ polygon: [p] })), imt: 'INSIDE' };
  } else if (circles.length > 0) {
    hazard = { kind: 'circles', circles, imt: 'INSIDE', minRadiusKm: MIN_CIRCLE_KM };
  }
  if (!cancels && !hazard && geocodes.length === 0) {
    warnings.push({
      code: 'CAP_NO_AREA_GEOMETRY',
      message: 'The alert gives no polygon, circle or geocode, so no school can be placed in it.',
    });
  }
  const bbox = bboxOf(features);
  return {
    kind: 'cap',
    title: options.title ?? info?.headline ?? info?.event ?? alert.identifier,
    status: cancels ? 'cancelled' : (STATUS[alert.status.toLowerCase()] ?? 'actual'),
    hazardType: info?.event ?? null,
    severity: info?.severity ?? null,
    urgency: info?.urgency ?? null,
    certainty: info?.certainty ?? null,
    onset: dateOrNull(info?.onset ?? info?.effective ?? alert.sent),
    expires: dateOrNull(info?.expires),
    sourceKey: capKey(alert.sender, alert.identifier),
    updates: alert.references.map((r) => capKey(r.sender, r.identifier)),
    familyKeys: [],
    cancels,
    hazard,
    geocodes,
    seismic: false,
    details: {
      identifier: alert.identifier,
      sender: alert.sender,
      sent: alert.sent,
      msgType: alert.msgType,
      scope: alert.scope,
      references: alert.references,
      infos: alert.infos.map((i) => ({
        language: i.language,
        event: i.event,
        headline: i.headline ?? null,
        description: i.description?.slice(0, 4000) ?? null,
        instruction: i.instruction?.slice(0, 4000) ?? null,
        senderName: i.senderName ?? null,
        web: i.web ?? null,
        areas: i.areas.map((a) => a.areaDesc),
      })),
    },
    display: { type: 'FeatureCollection', features, ...(bbox ? { bbox } : {}) },
    warnings,
    cap: alert,
  };
}
