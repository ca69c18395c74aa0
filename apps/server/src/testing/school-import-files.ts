import { sql } from 'drizzle-orm';
import { uuidv7 } from 'uuidv7';
import type { Database } from '../db/database.js';
import { insertBoxArea } from './box-area.js';

/** Sikkim with two districts, with the same ids in every database they are added to (to compare registries). */
export function sikkimAreas() {
  const ids = { india: uuidv7(), sikkim: uuidv7(), gangtok: uuidv7(), namchi: uuidv7() };
  const india = [ids.india];
  const sikkim = [...india, ids.sikkim];
  const areas: Parameters<typeof insertBoxArea>[1][] = [
    { id: ids.india, level: 'country', name: 'India', path: india, codes: { iso3166: 'IN' }, box: null },
    { id: ids.sikkim, level: 'state', name: 'Sikkim', path: sikkim, codes: { lgd: '11' }, box: [88, 27, 89, 28.2] },
    {
      id: ids.gangtok,
      level: 'district',
      name: 'GANGTOK',
      path: [...sikkim, ids.gangtok],
      codes: { lgd: '225' },
      box: [88.5, 27.2, 88.9, 27.6],
    },
    {
      id: ids.namchi,
      level: 'district',
      name: 'Namchi',
      path: [...sikkim, ids.namchi],
      codes: { lgd: '227' },
      box: [88.2, 27.0, 88.5, 27.2],
    },
  ];
  return {
    ids,
    async addTo(database: Database): Promise<Database> {
      for (const area of areas) await insertBoxArea(database, area);
      return database;
    },
  };
}

/**
 * A CSV of `rows` schools in those districts, codes from `first`: the second round renames every seventh and moves
 * every eleventh to the other district; some rows have no point, some declare a district code nobody has.
 */
export function sikkimSchoolFile(round: 1 | 2, rows = 120, first = 0): string {
  const lines = ['schcd,schname,latitude,longitude,dist_lgd'];
  for (let i = first; i < first + rows; i++) {
    const moved = round === 2 && i % 11 === 0;
    const gangtok = moved ? i % 2 !== 0 : i % 2 === 0;
    const lat = gangtok ? 27.3 + (i % 50) / 1000 : 27.1 + (i % 50) / 2000;
    const lon = gangtok ? 88.6 + (i % 40) / 1000 : 88.3 + (i % 40) / 1000;
    const name = round === 2 && i % 7 === 0 ? `Government School ${i} (renamed)` : `Government School ${i}`;
    const declared = i % 17 === 0 ? '999' : i % 2 === 0 ? '225' : '227';
    const point = i % 19 === 5 ? ['', ''] : [lat.toFixed(5), lon.toFixed(5)];
    lines.push([`1101${String(i).padStart(7, '0')}`, `"${name}"`, ...point, declared].join(','));
  }
  return `${lines.join('\n')}\n`;
}

/** Everything imports leave in the registry, without the ids and times that differ between two runs. */
export async function registryOf(database: Database) {
  const schools = await database.rows(sql`
    SELECT code, name, version, area_id, area_path, placement, declared_areas, ST_AsText(location) AS location
      FROM schools ORDER BY code`);
  const reviews = await database.rows(sql`
    SELECT s.code, r.kind, r.status, r.area_path, r.detail FROM registry_reviews r JOIN schools s ON s.id = r.school_id
     ORDER BY s.code, r.kind, r.status`);
  const history = await database.rows(sql`
    SELECT s.code, h.version, h.changes FROM school_history h JOIN schools s ON s.id = h.school_id ORDER BY s.code, h.version`);
  const counts = await database.rows(sql`SELECT area_id, schools FROM area_school_counts ORDER BY area_id`);
  return { schools, reviews, history, counts };
}

/** The multipart body of `POST /api/v1/imports` with a CSV of schools. */
export function schoolImportForm(csv: string, fileName = 'schools.csv'): { body: Buffer; headers: Record<string, string> } {
  const boundary = `----ss${uuidv7()}`;
  const part = (name: string, value: string, file?: string) =>
    `--${boundary}\r\nContent-Disposition: form-data; name="${name}"${file ? `; filename="${file}"\r\nContent-Type: text/csv` : ''}\r\n\r\n${value}\r\n`;
  return {
    body: Buffer.from(`${part('kind', 'schools')}${part('file', csv, fileName)}--${boundary}--\r\n`),
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
  };
}
