import { GeoInputError, type GeoWarning } from '../errors.js';
import { finishTrack, parseUtc } from './finish-track.js';
import { KNOT_MS, type CycloneTrack, type TrackPoint } from './track-types.js';

export interface TrackSelection {
  /** Storm identifier, e.g. IMD CS_ID "201902". */
  stormId?: string;
  /** Storm name, when the file has a name column. */
  name?: string;
  /** Year of the storm; alone it selects only when exactly one storm that year matches. */
  year?: number;
}

// Column names seen in IMD, IBTrACS and similar exports, matched case-insensitively.
const COLUMNS = {
  time: ['datetime', 'iso_time', 'time', 'date_time'],
  id: ['cs_id', 'sid', 'storm_id', 'id'],
  name: ['name', 'storm_name'],
  lat: ['lat', 'latitude'],
  lon: ['lon', 'long', 'longitude'],
  wind: ['msws', 'wind', 'usa_wind', 'max_wind_kt', 'vmax'],
  pressure: ['ecp', 'pres', 'pressure', 'mslp', 'min_pressure'],
  category: ['cat', 'grade', 'category'],
};

type Column = keyof typeof COLUMNS;

function locate(header: string[]): Partial<Record<Column, number>> {
  const lower = header.map((h) => h.trim().toLowerCase());
  const found: Partial<Record<Column, number>> = {};
  for (const key of Object.keys(COLUMNS) as Column[]) {
    const i = lower.findIndex((h) => COLUMNS[key].includes(h));
    if (i !== -1) found[key] = i;
  }
  return found;
}

interface Row {
  cells: string[];
  line: number;
}

/**
 * Reads one storm from a best-track CSV (the IMD file has DATETIME, CAT, CS_ID, LAT, LON, MSWS in knots,
 * no pressure). Columns are found by name. Select with stormId, name or year; several matches are refused
 * with the candidates listed.
 */
export function parseTrackCsv(text: string, select: TrackSelection): CycloneTrack {
  const lines = text.split(/\r?\n/);
  const header = (lines[0] ?? '').split(',');
  const col = locate(header);
  const need: Column[] = ['time', 'id', 'lat', 'lon', 'wind'];
  const missing = need.filter((k) => col[k] === undefined);
  if (missing.length > 0) throw new GeoInputError('TRACK_INVALID', `The CSV lacks columns for ${missing.join(', ')} (header: ${header.join(', ')}).`);
  if (select.name !== undefined && col.name === undefined) {
    throw new GeoInputError('TRACK_INVALID', 'The CSV has no storm-name column; select the storm by stormId (e.g. IMD CS_ID) and year.');
  }
  const cell = (r: Row, k: Column): string => (col[k] === undefined ? '' : (r.cells[col[k]]?.trim() ?? ''));
  const byId = new Map<string, Row[]>();
  lines.slice(1).forEach((l, i) => {
    if (l.trim() === '') return;
    const row = { cells: l.split(','), line: i + 2 };
    const id = cell(row, 'id');
    byId.set(id, [...(byId.get(id) ?? []), row]);
  });
  const matches = [...byId.entries()].filter(([id, rows]) => {
    const first = rows[0] as Row;
    if (select.stormId !== undefined && id !== select.stormId) return false;
    if (select.name !== undefined && cell(first, 'name').toLowerCase() !== select.name.toLowerCase()) return false;
    if (select.year !== undefined && new Date(parseUtc(cell(first, 'time'))).getUTCFullYear() !== select.year) return false;
    return true;
  });
  if (matches.length === 0) throw new GeoInputError('TRACK_NOT_FOUND', `No storm in the CSV matches ${JSON.stringify(select)}.`);
  if (matches.length > 1) {
    const ids = matches.map(([id]) => id);
    throw new GeoInputError('TRACK_AMBIGUOUS', `${ids.length} storms match ${JSON.stringify(select)}: ${ids.slice(0, 30).join(', ')}${ids.length > 30 ? ', ...' : ''}. Give a stormId.`);
  }
  const [id, rows] = matches[0] as [string, Row[]];
  const warnings: GeoWarning[] = [];
  const points: TrackPoint[] = [];
  for (const r of rows) {
    const p: TrackPoint = { time: parseUtc(cell(r, 'time')), lat: Number(cell(r, 'lat')), lon: Number(cell(r, 'lon')), windMs: Number(cell(r, 'wind')) * KNOT_MS };
    if (![p.time, p.lat, p.lon, p.windMs].every(Number.isFinite) || Math.abs(p.lat) > 90 || Math.abs(p.lon) > 180) {
      warnings.push({ code: 'TRACK_ROW_INVALID', message: `CSV line ${r.line} has an unreadable time, position or wind; skipped.` });
      continue;
    }
    const pressure = Number(cell(r, 'pressure'));
    if (col.pressure !== undefined && cell(r, 'pressure') !== '' && Number.isFinite(pressure)) p.pressureHpa = pressure;
    const category = cell(r, 'category');
    if (category) p.category = category;
    points.push(p);
  }
  const track: CycloneTrack = { id, points: finishTrack(points, `Storm ${id}`, warnings), warnings };
  const name = rows[0] ? cell(rows[0], 'name') : '';
  if (name) track.name = name;
  return track;
}
