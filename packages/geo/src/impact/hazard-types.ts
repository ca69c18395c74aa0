import type { CycloneTrack } from '../cyclone/track-types.js';
import type { MultiPolygonCoords } from '../geometry-types.js';
import type { CycloneWindOptions } from '../hazard/cyclone-wind.js';
import type { GridSpec } from '../shakemap/grid-types.js';

export type Hazard =
  | { kind: 'grid'; grid: { spec: GridSpec; fields: Record<string, Float32Array>; units?: Record<string, string> }; field?: string }
  | { kind: 'polygons'; footprints: { polygon: MultiPolygonCoords; intensity?: number }[]; imt?: string }
  | { kind: 'circles'; circles: { lon: number; lat: number; radiusKm: number; intensity?: number }[]; imt?: string; minRadiusKm?: number }
  | { kind: 'cyclone'; track: CycloneTrack; options?: CycloneWindOptions }
  | { kind: 'scenario'; epicentre: { lon: number; lat: number }; depthKm: number; magnitude: number };
