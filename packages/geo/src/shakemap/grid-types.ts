import type { GeoWarning } from '../errors.js';

/** A regular lon/lat grid; row 0 is the northern edge (lat_max), column 0 the western edge (lon_min). */
export interface GridSpec {
  lonMin: number;
  latMin: number;
  lonMax: number;
  latMax: number;
  nominalLonSpacing: number;
  nominalLatSpacing: number;
  nlon: number;
  nlat: number;
}

export interface ShakeMapEvent {
  id: string;
  magnitude: number;
  depthKm: number;
  lat: number;
  lon: number;
  /** ACTUAL or SCENARIO (from shakemap_event_type); other values are kept as written. */
  eventType: string;
  /** ISO 8601 in UTC when the file's timestamp could be read, else the text as written. */
  time: string;
  description?: string;
  shakemapVersion?: string;
  codeVersion?: string;
}

export interface ShakeMapGrid {
  event: ShakeMapEvent;
  spec: GridSpec;
  /** One array per grid_field, nlon*nlat values in file order (row-major from the north-west corner). */
  fields: Record<string, Float32Array>;
  /** Units as written in the file (ShakeMap 3: pctg, cms; ShakeMap 4: %g, cm/s). */
  units: Record<string, string>;
  /** Number of points actually read (less than nlon*nlat only when `allowPartial` accepted a truncated file). */
  pointsRead: number;
  warnings: GeoWarning[];
}
