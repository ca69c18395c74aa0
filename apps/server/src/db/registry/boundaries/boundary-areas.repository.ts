import { sql, type SQL } from 'drizzle-orm';
import type { Database, Executor } from '../../database.js';

/** The one way a boundary becomes a stored geometry: repaired, polygons only, always a MultiPolygon in 4326. */
const areaGeometry = (geojson: string): SQL =>
  sql`ST_Multi(ST_CollectionExtract(ST_MakeValid(ST_SetSRID(ST_GeomFromGeoJSON(${geojson}::text), 4326)), 3))`;

export interface GeometryCheck {
  valid: boolean;
  reason: string;
  empty: boolean;
  lonLat: boolean;
}

/** Reads a GeoJSON geometry as PostGIS would store it; throws when PostGIS cannot parse it at all. */
export async function checkAreaGeometry(database: Database, geojson: string): Promise<GeometryCheck> {
  const rows = await database.rows<{ valid: boolean; reason: string; empty: boolean; lon_lat: boolean }>(sql`
    SELECT ST_IsValid(g) AS valid, ST_IsValidReason(g) AS reason, ST_IsEmpty(${areaGeometry(geojson)}) AS empty,
           (ST_XMin(g) >= -180 AND ST_XMax(g) <= 180 AND ST_YMin(g) >= -90 AND ST_YMax(g) <= 90) AS lon_lat
    FROM (SELECT ST_SetSRID(ST_GeomFromGeoJSON(${geojson}::text), 4326) AS g) s`);
  const r = rows[0]!;
  return { valid: r.valid, reason: r.reason, empty: r.empty, lonLat: r.lon_lat };
}

export interface CurrentArea {
  id: string;
  parentId: string | null;
  name: string;
  code: string | null;
  path: string[];
  codes: Record<string, string>;
  names: Record<string, string>;
}

/** Areas of one level and country that hold today (not closed, not deleted). */
export async function listCurrentAreas(
  database: Database,
  on: Executor,
  countryCode: string,
  level: string,
  codeSystem: string,
): Promise<CurrentArea[]> {
  const rows = await database.rows<{
    id: string;
    parent_id: string | null;
    name: string;
    code: string | null;
    path: string[];
    codes: Record<string, string>;
    names: Record<string, string>;
  }>(
    sql`SELECT id, parent_id, name, codes->>${codeSystem} AS code, path, codes, names FROM areas
        WHERE country_code = ${countryCode} AND level = ${level} AND valid_to IS NULL AND deleted_at IS NULL ORDER BY id`,
    on,
  );
  return rows.map((r) => ({
    id: r.id,
    parentId: r.parent_id,
    name: r.name,
    code: r.code,
    path: r.path,
    codes: r.codes,
    names: r.names,
  }));
}

export interface NewArea {
  id: string;
  parentId: string | null;
  level: string;
  name: string;
  codes: Record<string, string>;
  names: Record<string, string>;
  path: string[];
  validFrom: string | null;
  countryCode: string;
  importId: string | null;
  geometry: string | null;
}

export async function insertBoundaryArea(database: Database, on: Executor, a: NewArea): Promise<void> {
  await database.rows(
    sql`INSERT INTO areas (id, parent_id, level, name, names, codes, path, valid_from, country_code, source_import_id, geom)
        VALUES (${a.id}, ${a.parentId}, ${a.level}, ${a.name}, ${JSON.stringify(a.names)}::jsonb, ${JSON.stringify(a.codes)}::jsonb, ${`{${a.path.join(',')}}`}::uuid[],
                ${a.validFrom}::date, ${a.countryCode}, ${a.importId}, ${a.geometry === null ? null : areaGeometry(a.geometry)})`,
    on,
  );
}

/** Whether the stored geometry differs from what this GeoJSON would be stored as (exact, vertex by vertex). */
export async function geometryDiffers(database: Database, on: Executor, id: string, geojson: string): Promise<boolean> {
  const rows = await database.rows<{ differs: boolean }>(
    sql`SELECT (geom IS NULL OR NOT ST_OrderingEquals(geom, ${areaGeometry(geojson)})) AS differs FROM areas WHERE id = ${id}`,
    on,
  );
  return rows[0]?.differs ?? true;
}

/** Updates name and geometry in place and bumps the version; returns the new version. */
export async function updateBoundaryArea(
  database: Database,
  on: Executor,
  a: { id: string; name: string; geometry: string; importId: string },
): Promise<number> {
  const rows = await database.rows<{ version: number }>(
    sql`UPDATE areas SET name = ${a.name}, geom = ${areaGeometry(a.geometry)}, version = version + 1, updated_at = now(), source_import_id = ${a.importId}
        WHERE id = ${a.id} RETURNING version`,
    on,
  );
  return rows[0]!.version;
}

/** Ends an area's validity (it stays, with its history, for schools and reports that point at it). */
export async function closeArea(database: Database, on: Executor, id: string, validTo: string): Promise<number> {
  const rows = await database.rows<{ version: number }>(
    sql`UPDATE areas SET valid_to = ${validTo}::date, version = version + 1, updated_at = now() WHERE id = ${id} RETURNING version`,
    on,
  );
  return rows[0]!.version;
}

/** Replaces codes and names of one area (a crosswalk merge), bumping its version. */
export async function updateAreaCodes(
  database: Database,
  on: Executor,
  id: string,
  codes: Record<string, string>,
  names: Record<string, string>,
): Promise<void> {
  await database.rows(
    sql`UPDATE areas SET codes = ${JSON.stringify(codes)}::jsonb, names = ${JSON.stringify(names)}::jsonb, version = version + 1, updated_at = now() WHERE id = ${id}`,
    on,
  );
}

export interface CodedArea {
  id: string;
  name: string;
  parentName: string | null;
  codes: Record<string, string>;
  names: Record<string, string>;
}

/** Current areas of a level with their codes, for matching a crosswalk in memory (a few thousand at most). */
export async function listCodedAreas(database: Database, countryCode: string, level: string): Promise<CodedArea[]> {
  const rows = await database.rows<{
    id: string;
    name: string;
    parent_name: string | null;
    codes: Record<string, string>;
    names: Record<string, string>;
  }>(
    sql`SELECT a.id, a.name, p.name AS parent_name, a.codes, a.names FROM areas a LEFT JOIN areas p ON p.id = a.parent_id
        WHERE a.country_code = ${countryCode} AND a.level = ${level} AND a.valid_to IS NULL AND a.deleted_at IS NULL ORDER BY a.id`,
  );
  return rows.map((r) => ({ id: r.id, name: r.name, parentName: r.parent_name, codes: r.codes, names: r.names }));
}
