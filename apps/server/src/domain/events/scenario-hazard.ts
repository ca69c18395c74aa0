import { randomUUID } from 'node:crypto';
import { scenarioMmi } from '@safeschools/geo';
import { bboxOf, gridCells } from './hazard-display.js';
import type { ParsedHazard } from './parsed-hazard.js';

export interface ScenarioParams {
  lon: number;
  lat: number;
  depthKm: number;
  magnitude: number;
  title?: string;
}

// The display grid: 0.05° cells up to 4° from the epicentre; MMI below IV (felt indoors) is not drawn.
const CELL_DEG = 0.05;
const REACH_DEG = 4;

/** A "what if" earthquake: MMI at each school from the intensity prediction equation in the geo package. */
export function scenarioHazard(p: ScenarioParams): ParsedHazard {
  const n = Math.round((2 * REACH_DEG) / CELL_DEG) + 1;
  const lonMin = p.lon - REACH_DEG;
  const latMax = p.lat + REACH_DEG;
  const lons = new Float64Array(n * n);
  const lats = new Float64Array(n * n);
  for (let r = 0; r < n; r++) {
    for (let c = 0; c < n; c++) {
      lons[r * n + c] = lonMin + c * CELL_DEG;
      lats[r * n + c] = latMax - r * CELL_DEG;
    }
  }
  const mmi = scenarioMmi(lons, lats, { lon: p.lon, lat: p.lat }, p.depthKm, p.magnitude);
  const spec = { lonMin, latMin: latMax - (n - 1) * CELL_DEG, lonMax: lonMin + (n - 1) * CELL_DEG, latMax, nominalLonSpacing: CELL_DEG, nominalLatSpacing: CELL_DEG, nlon: n, nlat: n };
  const features = [
    ...gridCells(spec, mmi, 4),
    { type: 'Feature' as const, geometry: { type: 'Point', coordinates: [p.lon, p.lat] }, properties: { role: 'epicentre', magnitude: p.magnitude } },
  ];
  const bbox = bboxOf(features);
  return {
    kind: 'scenario',
    title: p.title ?? `M${p.magnitude} scenario at ${p.lat.toFixed(2)}, ${p.lon.toFixed(2)}`,
    status: 'scenario',
    hazardType: 'earthquake',
    severity: null,
    urgency: null,
    certainty: null,
    onset: null,
    expires: null,
    // Every scenario is its own event; a retried request is caught by its Idempotency-Key instead.
    sourceKey: `scenario:${randomUUID()}`,
    updates: [],
    familyKeys: [],
    cancels: false,
    hazard: { kind: 'scenario', epicentre: { lon: p.lon, lat: p.lat }, depthKm: p.depthKm, magnitude: p.magnitude },
    geocodes: [],
    seismic: true,
    details: { magnitude: p.magnitude, depthKm: p.depthKm, epicentre: { lon: p.lon, lat: p.lat }, model: 'Atkinson, Worden & Wald (2014) intensity prediction equation' },
    display: { type: 'FeatureCollection', features, ...(bbox ? { bbox } : {}) },
    warnings: [],
  };
}
