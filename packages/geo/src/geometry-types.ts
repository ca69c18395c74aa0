/** [lon, lat] in degrees (WGS 84). */
export type Position = [number, number];
/** A closed ring: first position equals the last. */
export type Ring = Position[];
/** Outer ring first, then holes. */
export type PolygonCoords = Ring[];
export type MultiPolygonCoords = PolygonCoords[];
