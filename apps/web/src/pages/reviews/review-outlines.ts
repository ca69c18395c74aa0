import type { Feature, FeatureCollection, Geometry, Position } from 'geojson';
import { loadDistrictShapes } from '../home/district-shapes';
import type { Review } from './types';

export type OutlineRole = 'declared' | 'found';

let districtShapes: Promise<FeatureCollection> | null = null;

/**
 * The simplified district shapes the area roll-up serves (the home map's choropleth reads the same), fetched once
 * per visit to the page and shared by every review's map. A failed fetch is forgotten so the next map retries.
 */
export function cachedDistrictShapes(): Promise<FeatureCollection> {
  districtShapes ??= loadDistrictShapes('en').catch((error: unknown) => {
    districtShapes = null;
    throw error;
  });
  return districtShapes;
}

/** The declared and found areas' outlines, when they are districts with a shape; the same area once, as found. */
export function reviewOutlines(shapes: FeatureCollection, review: Review): FeatureCollection {
  const roles = new Map<string, OutlineRole>();
  if (review.declaredArea) roles.set(review.declaredArea.id, 'declared');
  if (review.foundArea) roles.set(review.foundArea.id, 'found');
  const features: Feature[] = [];
  for (const feature of shapes.features) {
    const role = roles.get(String(feature.properties?.id));
    if (role) features.push({ ...feature, properties: { ...feature.properties, role } });
  }
  return { type: 'FeatureCollection', features };
}

function positions(geometry: Geometry): Position[] {
  switch (geometry.type) {
    case 'Point':
      return [geometry.coordinates];
    case 'MultiPoint':
    case 'LineString':
      return geometry.coordinates;
    case 'MultiLineString':
    case 'Polygon':
      return geometry.coordinates.flat();
    case 'MultiPolygon':
      return geometry.coordinates.flat(2);
    case 'GeometryCollection':
      return geometry.geometries.flatMap(positions);
  }
}

/** [west, south, east, north] around the outlines and the point, or null when there is nothing to show. */
export function boundsOf(outlines: FeatureCollection, point: [number, number] | null): [number, number, number, number] | null {
  const all = outlines.features.flatMap((f) => (f.geometry ? positions(f.geometry) : []));
  if (point) all.push(point);
  if (all.length === 0) return null;
  const xs = all.map((p) => p[0] ?? 0);
  const ys = all.map((p) => p[1] ?? 0);
  return [Math.min(...xs), Math.min(...ys), Math.max(...xs), Math.max(...ys)];
}
