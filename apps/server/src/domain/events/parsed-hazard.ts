import type { Hazard, GeoWarning, CapAlert } from '@safeschools/geo';

export type EventKind = 'cap' | 'shakemap' | 'cyclone' | 'footprint' | 'scenario' | 'estimate';
export type EventStatus = 'actual' | 'exercise' | 'test' | 'scenario' | 'cancelled';

/** A geocode a CAP area names, to be resolved to admin areas through the registry's code systems. */
export interface AreaGeocode {
  valueName: string;
  value: string;
}

/**
 * A hazard file read into what an event needs: the engine's hazard, the keys that identify the delivery, the
 * metadata shown to people, and a light display geometry. Pure data; nothing is stored yet.
 */
export interface ParsedHazard {
  kind: EventKind;
  title: string;
  status: EventStatus;
  hazardType: string | null;
  severity: string | null;
  urgency: string | null;
  certainty: string | null;
  onset: Date | null;
  expires: Date | null;
  /** Identifies this delivery; the same key twice is the same event. */
  sourceKey: string;
  /** Keys of earlier deliveries this one updates (CAP references, the same ShakeMap event id). */
  updates: string[];
  /** Keys stored with the event so later versions find it ("shakemap:<id>", "cyclone:<id>"). */
  familyKeys: string[];
  /** A CAP Cancel: the referenced event is marked cancelled, nothing is computed. */
  cancels: boolean;
  /** Null for a CAP alert whose areas are only geocodes; they are resolved against the registry first. */
  hazard: Hazard | null;
  geocodes: AreaGeocode[];
  /** Whether earthquake fragility applies (the hazard gives MMI or PGA). */
  seismic: boolean;
  details: Record<string, unknown>;
  display: GeoJsonFeatureCollection;
  warnings: GeoWarning[];
  cap?: CapAlert;
  /** An early earthquake event from a feed entry: intensities estimated until a ShakeMap or CAP replaces them. */
  estimated?: boolean;
}

export interface GeoJsonFeature {
  type: 'Feature';
  geometry: { type: string; coordinates: unknown };
  properties: Record<string, unknown>;
}

export interface GeoJsonFeatureCollection {
  type: 'FeatureCollection';
  features: GeoJsonFeature[];
  bbox?: [number, number, number, number];
}
