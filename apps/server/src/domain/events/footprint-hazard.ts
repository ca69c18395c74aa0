import { createHash } from 'node:crypto';
import type { FootprintResult } from '@safeschools/geo';
import { bboxOf } from './hazard-display.js';
import type { HazardFileOptions } from './read-hazard-file.js';
import type { GeoJsonFeature, ParsedHazard } from './parsed-hazard.js';

/** GeoJSON footprints (flood extents, GDACS geometries); the same polygons sent twice are one event. */
export function footprintHazard(result: FootprintResult, fileName: string, options: HazardFileOptions): ParsedHazard {
  const withIntensity = result.footprints.some((f) => f.intensity !== undefined);
  const imt = withIntensity ? (options.intensityProperty ?? 'intensity').toUpperCase() : 'INSIDE';
  const features: GeoJsonFeature[] = result.footprints.map((f) => ({
    type: 'Feature',
    geometry: { type: 'MultiPolygon', coordinates: f.polygon },
    properties: { role: 'footprint', ...(f.intensity !== undefined ? { value: f.intensity } : {}) },
  }));
  const digest = createHash('sha256').update(JSON.stringify(result.footprints.map((f) => [f.polygon, f.intensity ?? null]))).digest('hex');
  const bbox = bboxOf(features);
  return {
    kind: 'footprint',
    title: options.title ?? fileName.replace(/\.(geo)?json$/i, ''),
    status: 'actual',
    hazardType: null,
    severity: null,
    urgency: null,
    certainty: null,
    onset: null,
    expires: null,
    sourceKey: `footprint:${digest}`,
    updates: [],
    familyKeys: [],
    cancels: false,
    hazard: { kind: 'polygons', footprints: result.footprints.map((f) => ({ polygon: f.polygon, ...(f.intensity !== undefined ? { intensity: f.intensity } : {}) })), imt },
    geocodes: [],
    seismic: false,
    details: { footprints: result.footprints.length, fileName },
    display: { type: 'FeatureCollection', features, ...(bbox ? { bbox } : {}) },
    warnings: result.warnings,
  };
}
