import { GeoInputError, type GeoWarning } from '../errors.js';
import { decodeXmlBytes } from '../xml/decode-xml-bytes.js';
import { parseXmlText } from '../xml/parse-xml.js';
import { childrenNamed, firstChild, type XmlElement } from '../xml/xml-node.js';
import type { GridSpec, ShakeMapEvent, ShakeMapGrid } from './grid-types.js';
import { parseGridNumbers } from './parse-grid-numbers.js';
import { extractGridXml, isZip } from './unzip-grid.js';

export const SHAKEMAP_NS = 'http://earthquake.usgs.gov/eqcenter/shakemap';

export interface ReadShakeMapOptions {
  /** Field names that must be present (e.g. ['MMI'] or ['PGA', 'PSA03']); missing ones are listed in the error. */
  requiredFields?: string[];
  /**
   * Accept a grid_data block with fewer points than nlon*nlat (a truncated file). Off by default: a partial grid
   * would silently leave most schools without intensity, so the default outcome is a clear refusal. When on, the
   * missing points are NaN and a SHAKEMAP_GRID_TRUNCATED warning says how much is missing.
   */
  allowPartial?: boolean;
}

function invalid(message: string): GeoInputError {
  return new GeoInputError('SHAKEMAP_GRID_INVALID', message);
}

function indexOfAscii(bytes: Uint8Array, needle: string, from = 0): number {
  const first = needle.charCodeAt(0);
  outer: for (let i = bytes.indexOf(first, from); i !== -1; i = bytes.indexOf(first, i + 1)) {
    for (let k = 1; k < needle.length; k++) if (bytes[i + k] !== needle.charCodeAt(k)) continue outer;
    return i;
  }
  return -1;
}

function numberAttr(el: XmlElement, name: string, where: string): number {
  const raw = el.attrs[name];
  const value = raw === undefined ? Number.NaN : Number(raw);
  if (raw === undefined || raw.trim() === '' || !Number.isFinite(value)) {
    throw invalid(`${where} attribute "${name}" is ${raw === undefined ? 'missing' : `not a number ("${raw}")`}.`);
  }
  return value;
}

/** ShakeMap 3 writes "2015-04-25T06:11:25UTC", ShakeMap 4 "2020-06-03T05:37:03"; both are UTC. */
function isoTime(raw: string | undefined): string {
  if (!raw) return '';
  const cleaned = raw.trim().replace(/\s*(UTC|GMT|Z)$/i, '');
  const ms = Date.parse(/[+-]\d\d:?\d\d$/.test(cleaned) ? cleaned : `${cleaned}Z`);
  return Number.isNaN(ms) ? raw : new Date(ms).toISOString();
}

function readSpec(el: XmlElement): GridSpec {
  const w = 'grid_specification';
  const spec: GridSpec = {
    lonMin: numberAttr(el, 'lon_min', w),
    latMin: numberAttr(el, 'lat_min', w),
    lonMax: numberAttr(el, 'lon_max', w),
    latMax: numberAttr(el, 'lat_max', w),
    nominalLonSpacing: numberAttr(el, 'nominal_lon_spacing', w),
    nominalLatSpacing: numberAttr(el, 'nominal_lat_spacing', w),
    nlon: numberAttr(el, 'nlon', w),
    nlat: numberAttr(el, 'nlat', w),
  };
  if (!Number.isInteger(spec.nlon) || !Number.isInteger(spec.nlat) || spec.nlon < 2 || spec.nlat < 2) {
    throw invalid(`grid_specification nlon/nlat must be integers >= 2 (got ${spec.nlon} x ${spec.nlat}).`);
  }
  if (!(spec.lonMax > spec.lonMin) || !(spec.latMax > spec.latMin)) {
    throw invalid('grid_specification has lon_max <= lon_min or lat_max <= lat_min.');
  }
  return spec;
}

function readEvent(root: XmlElement, eventEl: XmlElement): ShakeMapEvent {
  const event: ShakeMapEvent = {
    id: eventEl.attrs['event_id'] ?? root.attrs['event_id'] ?? '',
    magnitude: numberAttr(eventEl, 'magnitude', 'event'),
    depthKm: numberAttr(eventEl, 'depth', 'event'),
    lat: numberAttr(eventEl, 'lat', 'event'),
    lon: numberAttr(eventEl, 'lon', 'event'),
    eventType: (root.attrs['shakemap_event_type'] ?? eventEl.attrs['event_type'] ?? 'ACTUAL').toUpperCase(),
    time: isoTime(eventEl.attrs['event_timestamp']),
  };
  const description = eventEl.attrs['event_description'];
  if (description) event.description = description;
  const version = root.attrs['shakemap_version'];
  if (version) event.shakemapVersion = version;
  const code = root.attrs['code_version'];
  if (code) event.codeVersion = code;
  return event;
}

function readFields(root: XmlElement): { names: string[]; units: Record<string, string> } {
  const fieldEls = childrenNamed(root, 'grid_field');
  if (fieldEls.length === 0) throw invalid('The grid has no grid_field elements.');
  const names: string[] = new Array<string>(fieldEls.length);
  const units: Record<string, string> = {};
  for (const f of fieldEls) {
    const index = Number(f.attrs['index']);
    const name = f.attrs['name']?.trim().toUpperCase();
    if (!name || !Number.isInteger(index) || index < 1 || index > fieldEls.length || names[index - 1] !== undefined) {
      throw invalid(`grid_field index="${f.attrs['index']}" name="${f.attrs['name']}" is missing, out of range or repeated.`);
    }
    names[index - 1] = name;
    units[name] = f.attrs['units'] ?? '';
  }
  return { names, units };
}

function checkOrder(spec: GridSpec, fields: Record<string, Float32Array>, points: number): void {
  const lon = fields['LON'];
  const lat = fields['LAT'];
  if (!lon || !lat || points === 0) return;
  const tol = Math.max(spec.nominalLonSpacing, spec.nominalLatSpacing) / 2 + 1e-4;
  if (Math.abs((lon[0] as number) - spec.lonMin) > tol || Math.abs((lat[0] as number) - spec.latMax) > tol) {
    throw invalid('grid_data does not start at the north-west corner (lon_min, lat_max); the row order is not the one ShakeMap writes.');
  }
  if (points === spec.nlon * spec.nlat) {
    const last = points - 1;
    if (Math.abs((lon[last] as number) - spec.lonMax) > tol || Math.abs((lat[last] as number) - spec.latMin) > tol) {
      throw invalid('grid_data does not end at the south-east corner (lon_max, lat_min).');
    }
  }
}

/**
 * Reads a USGS ShakeMap grid.xml (ShakeMap 3 or 4; plain or zipped). Fields are found by name, never by
 * position. The header is parsed as XML; grid_data is parsed straight from the bytes for speed.
 */
export function readShakeMapGrid(input: Uint8Array, options: ReadShakeMapOptions = {}): ShakeMapGrid {
  const warnings: GeoWarning[] = [];
  if (!(input instanceof Uint8Array)) throw invalid('Expected the bytes of a grid.xml or zip file.');
  const bytes = isZip(input) ? extractGridXml(input).bytes : input;
  const dataTag = indexOfAscii(bytes, '<grid_data');
  if (dataTag === -1) throw invalid('The file has no grid_data element (is it a ShakeMap grid.xml?).');
  const headerText = decodeXmlBytes(bytes.subarray(0, dataTag), warnings);
  const rootName = /<([A-Za-z_][\w.:-]*)[\s>/]/.exec(headerText.replace(/<[?!][\s\S]*?>/g, ''))?.[1];
  if (!rootName) throw invalid('The file has no root element before grid_data.');
  const root = parseXmlText(`${headerText}</${rootName}>`, 'SHAKEMAP_GRID_INVALID');
  if (root.name !== 'shakemap_grid') throw invalid(`The root element is <${root.name}>, not <shakemap_grid>.`);
  if (root.ns !== SHAKEMAP_NS) {
    throw invalid(`The root element is in namespace "${root.ns}", not the ShakeMap namespace ${SHAKEMAP_NS}.`);
  }
  const eventEl = firstChild(root, 'event');
  const specEl = firstChild(root, 'grid_specification');
  if (!eventEl) throw invalid('The grid has no event element.');
  if (!specEl) throw invalid('The grid has no grid_specification element.');
  const spec = readSpec(specEl);
  const event = readEvent(root, eventEl);
  const { names, units } = readFields(root);
  const missing = [...new Set(['LON', 'LAT', ...(options.requiredFields ?? []).map((f) => f.toUpperCase())])].filter(
    (f) => !names.includes(f),
  );
  if (missing.length > 0) throw invalid(`The grid lacks required fields: ${missing.join(', ')} (it has ${names.join(', ')}).`);

  const total = spec.nlon * spec.nlat;
  const columns = names.map(() => new Float32Array(total).fill(Number.NaN));
  const openEnd = bytes.indexOf(0x3e, dataTag);
  const closeTag = indexOfAscii(bytes, '</grid_data>', openEnd);
  const end = closeTag === -1 ? bytes.length : closeTag;
  const { points, droppedValues } = parseGridNumbers(bytes, openEnd + 1, end, columns, total);
  const fields: Record<string, Float32Array> = {};
  names.forEach((n, i) => (fields[n] = columns[i] as Float32Array));

  if (points < total || closeTag === -1 || droppedValues > 0) {
    const what = `grid_data holds ${points} of ${total} points (${spec.nlon} x ${spec.nlat})${closeTag === -1 ? ' and is not closed' : ''}${droppedValues > 0 ? `, with a last row cut after ${droppedValues} of ${names.length} values` : ''}: the file is truncated`;
    if (!options.allowPartial) throw invalid(`${what}.`);
    warnings.push({ code: 'SHAKEMAP_GRID_TRUNCATED', message: `${what}; missing points are treated as outside the grid.` });
  }
  checkOrder(spec, fields, points);
  return { event, spec, fields, units, pointsRead: points, warnings };
}
