import type { ShakeMapGrid } from '@safeschools/geo';
import { bboxOf, gridCells } from './hazard-display.js';
import type { HazardFileOptions } from './read-hazard-file.js';
import type { ParsedHazard } from './parsed-hazard.js';

const dateOrNull = (text: string | undefined): Date | null => {
  const ms = text ? Date.parse(text) : Number.NaN;
  return Number.isNaN(ms) ? null : new Date(ms);
};

/** A ShakeMap grid as an earthquake event; a newer version of the same ShakeMap updates its event. */
export function shakeMapHazard(grid: ShakeMapGrid, options: HazardFileOptions): ParsedHazard {
  const e = grid.event;
  const field = grid.fields['MMI'] ? 'MMI' : 'PGA';
  const values = grid.fields[field] as Float32Array;
  const features = [
    ...gridCells(grid.spec, values, field === 'MMI' ? 3 : 1),
    { type: 'Feature' as const, geometry: { type: 'Point', coordinates: [e.lon, e.lat] }, properties: { role: 'epicentre', magnitude: e.magnitude } },
  ];
  const scenario = e.eventType.toUpperCase() === 'SCENARIO';
  const family = `shakemap:${e.id}`;
  const bbox = bboxOf(features);
  return {
    kind: 'shakemap',
    title: options.title ?? e.description ?? `M${e.magnitude} ${e.id}`,
    status: scenario ? 'scenario' : 'actual',
    hazardType: 'earthquake',
    severity: null,
    urgency: null,
    certainty: null,
    onset: dateOrNull(e.time),
    expires: null,
    sourceKey: `${family}:v${e.shakemapVersion ?? '0'}`,
    updates: [family],
    familyKeys: [family],
    cancels: false,
    hazard: { kind: 'grid', grid: { spec: grid.spec, fields: grid.fields, units: grid.units }, field },
    geocodes: [],
    seismic: true,
    details: {
      eventId: e.id,
      magnitude: e.magnitude,
      depthKm: e.depthKm,
      epicentre: { lon: e.lon, lat: e.lat },
      time: e.time,
      eventType: e.eventType,
      shakemapVersion: e.shakemapVersion ?? null,
      fields: Object.keys(grid.fields),
      units: grid.units,
      grid: { nlon: grid.spec.nlon, nlat: grid.spec.nlat },
    },
    display: { type: 'FeatureCollection', features, ...(bbox ? { bbox } : {}) },
    warnings: grid.warnings,
  };
}
