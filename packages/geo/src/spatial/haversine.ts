/** IUGG mean Earth radius (Moritz 1980, Geodetic Reference System 1980), km. */
export const EARTH_RADIUS_KM = 6371.0088;
export const DEG = Math.PI / 180;

/** Great-circle distance in km (haversine formula). */
export function haversineKm(lon1: number, lat1: number, lon2: number, lat2: number): number {
  const s1 = Math.sin(((lat2 - lat1) * DEG) / 2);
  const s2 = Math.sin(((lon2 - lon1) * DEG) / 2);
  const a = s1 * s1 + Math.cos(lat1 * DEG) * Math.cos(lat2 * DEG) * s2 * s2;
  return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(a)));
}

/**
 * Degree bounding boxes that contain every point within radiusKm of (lon, lat). Usually one box; two when it
 * crosses the antimeridian; a full-longitude band when it reaches a pole.
 */
export function circleBoxes(lon: number, lat: number, radiusKm: number): [number, number, number, number][] {
  const delta = radiusKm / EARTH_RADIUS_KM;
  const dLat = delta / DEG;
  const south = lat - dLat;
  const north = lat + dLat;
  if (north >= 90 || south <= -90 || delta >= Math.PI / 2) return [[-180, Math.max(-90, south), 180, Math.min(90, north)]];
  const dLon = Math.asin(Math.min(1, Math.sin(delta) / Math.cos(lat * DEG))) / DEG;
  const west = lon - dLon;
  const east = lon + dLon;
  if (west < -180) return [[west + 360, south, 180, north], [-180, south, east, north]];
  if (east > 180) return [[west, south, 180, north], [-180, south, east - 360, north]];
  return [[west, south, east, north]];
}
