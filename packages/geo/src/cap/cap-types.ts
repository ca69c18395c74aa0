import type { GeoWarning } from '../errors.js';

/** [lon, lat] — the order GeoJSON and the engine use (CAP itself writes lat,lon). */
export type LonLat = [number, number];

export interface NamedValue {
  valueName: string;
  value: string;
}

export interface CapCircle {
  lon: number;
  lat: number;
  radiusKm: number;
}

export interface CapArea {
  areaDesc: string;
  /** Each polygon is one closed ring of [lon, lat]. */
  polygons: LonLat[][];
  /** A radius of 0 is kept as written (a point) with a CAP_CIRCLE_ZERO_RADIUS warning; see readCap. */
  circles: CapCircle[];
  geocodes: NamedValue[];
  altitude?: number;
  ceiling?: number;
}

export interface CapInfo {
  language: string;
  categories: string[];
  event: string;
  responseTypes: string[];
  urgency: string;
  severity: string;
  certainty: string;
  eventCodes: NamedValue[];
  parameters: NamedValue[];
  effective?: string;
  onset?: string;
  expires?: string;
  senderName?: string;
  headline?: string;
  description?: string;
  instruction?: string;
  web?: string;
  areas: CapArea[];
}

export interface CapReference {
  sender: string;
  identifier: string;
  sent: string;
}

export interface CapAlert {
  /** '1.2', '1.1' or '1.0', from the namespace. */
  version: string;
  identifier: string;
  sender: string;
  sent: string;
  status: string;
  msgType: string;
  scope: string;
  source?: string;
  note?: string;
  incidents?: string;
  references: CapReference[];
  infos: CapInfo[];
}

export interface CapResult {
  alert: CapAlert;
  warnings: GeoWarning[];
}
