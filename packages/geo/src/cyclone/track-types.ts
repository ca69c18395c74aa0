import type { GeoWarning } from '../errors.js';

export interface TrackPoint {
  /** Milliseconds since the epoch (UTC). */
  time: number;
  lon: number;
  lat: number;
  /** Maximum sustained wind in m/s (converted from knots; IMD best track uses 3-minute means). */
  windMs: number;
  /** Central pressure in hPa, when the source gives it. */
  pressureHpa?: number;
  category?: string;
}

export interface CycloneTrack {
  id: string;
  name?: string;
  points: TrackPoint[];
  warnings: GeoWarning[];
}

export const KNOT_MS = 0.514444;
