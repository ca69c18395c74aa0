import type { XmlElement } from '../xml/xml-node.js';
import type { CapAlert } from './cap-types.js';

const GDACS_NS = 'http://www.gdacs.org';
const GEO_NS = 'http://www.w3.org/2003/01/geo/wgs84_pos#';
const GEORSS_NS = 'http://www.georss.org/georss';

export interface GdacsFields {
  alertLevel?: string;
  eventType?: string;
  eventId?: string;
  episodeId?: string;
  severity?: string;
  population?: string;
  country?: string;
  iso3?: string;
  fromDate?: string;
  toDate?: string;
  /** [west, south, east, north] when the feed gives gdacs:bbox. */
  bbox?: [number, number, number, number];
  /** The event's point (geo:Point, or georss:point), the epicentre of an earthquake. */
  point?: { lat: number; lon: number };
  /** gdacs:severity's value and unit attributes (an earthquake: value 5.5, unit M; a cyclone: km/h). */
  severityValue?: number;
  severityUnit?: string;
  /** An earthquake's magnitude and depth, from the severity's value or its text ("Magnitude 4.8M, Depth:35km"). */
  magnitude?: number;
  depthKm?: number;
  /** gdacs:cap: where the event's CAP message is (the item's link is then the report page). */
  capUrl?: string;
}

// GDACS RSS element names (and the CAP parameter names GDACS uses for the same facts).
const KEYS: [keyof Omit<GdacsFields, 'bbox' | 'point' | 'severityValue' | 'severityUnit' | 'magnitude' | 'depthKm' | 'capUrl'>, string[]][] = [
  ['alertLevel', ['alertlevel']],
  ['eventType', ['eventtype']],
  ['eventId', ['eventid']],
  ['episodeId', ['episodeid', 'currentepisodeid']],
  ['severity', ['severity']],
  ['population', ['population']],
  ['country', ['country']],
  ['iso3', ['iso3']],
  ['fromDate', ['fromdate']],
  ['toDate', ['todate']],
];

function parseBbox(text: string): [number, number, number, number] | undefined {
  // GDACS writes "lonmin lonmax latmin latmax".
  const n = text.trim().split(/\s+/).map(Number);
  if (n.length !== 4 || n.some((x) => !Number.isFinite(x))) return undefined;
  const [lonMin, lonMax, latMin, latMax] = n as [number, number, number, number];
  return [lonMin, latMin, lonMax, latMax];
}

const number = (text: string | undefined): number | undefined => {
  if (text === undefined || text.trim() === '') return undefined;
  const n = Number(text);
  return Number.isFinite(n) ? n : undefined;
};

/** geo:Point (geo:lat, geo:long), geo:lat/geo:long on the item itself, or georss:point "lat lon". */
function pointOf(item: XmlElement): { lat: number; lon: number } | undefined {
  const holder = item.children.find((c) => c.ns === GEO_NS && c.name === 'Point') ?? item;
  const lat = number(holder.children.find((c) => c.ns === GEO_NS && c.name === 'lat')?.text);
  const lon = number(holder.children.find((c) => c.ns === GEO_NS && (c.name === 'long' || c.name === 'lon'))?.text);
  if (lat !== undefined && lon !== undefined) return Math.abs(lat) <= 90 && Math.abs(lon) <= 180 ? { lat, lon } : undefined;
  const georss = item.children.find((c) => c.ns === GEORSS_NS && c.name === 'point')?.text.trim().split(/\s+/).map(Number);
  if (georss?.length === 2 && georss.every(Number.isFinite)) {
    const [la, lo] = georss as [number, number];
    if (Math.abs(la) <= 90 && Math.abs(lo) <= 180) return { lat: la, lon: lo };
  }
  return undefined;
}

/** Magnitude and depth of an earthquake's severity: the value attribute when its unit is M, else its text. */
function quakeOf(fields: GdacsFields): void {
  if (fields.eventType?.toUpperCase() !== 'EQ') return;
  const text = fields.severity ?? '';
  const magnitude = fields.severityUnit?.toUpperCase() === 'M' && fields.severityValue !== undefined ? fields.severityValue : number(/magnitude\s*([0-9]+(?:\.[0-9]+)?)/i.exec(text)?.[1]);
  if (magnitude !== undefined && magnitude >= -2 && magnitude <= 10.5) fields.magnitude = magnitude;
  const depth = number(/depth\s*:?\s*([0-9]+(?:\.[0-9]+)?)\s*km/i.exec(text)?.[1]);
  if (depth !== undefined) fields.depthKm = depth;
}

export function gdacsFields(item: XmlElement, cap: CapAlert | undefined): GdacsFields | undefined {
  const fields: GdacsFields = {};
  const own = new Map<string, string>();
  for (const c of item.children) if (c.ns === GDACS_NS) own.set(c.name.toLowerCase(), c.text.trim());
  const params = new Map<string, string>();
  // CAP parameters are read as GDACS facts only when GDACS sent the alert: other senders reuse these names.
  const fromGdacs = /gdacs/i.test(cap?.sender ?? '');
  for (const info of fromGdacs ? (cap?.infos ?? []) : []) for (const p of info.parameters) params.set(p.valueName.toLowerCase(), p.value);
  let found = false;
  for (const [key, names] of KEYS) {
    const value = names.map((n) => own.get(n) || params.get(n)).find((v) => v !== undefined && v !== '');
    if (value !== undefined) {
      fields[key] = value;
      found = true;
    }
  }
  const bbox = own.get('bbox');
  const parsed = bbox ? parseBbox(bbox) : undefined;
  if (parsed) fields.bbox = parsed;
  const severityEl = item.children.find((c) => c.ns === GDACS_NS && c.name.toLowerCase() === 'severity');
  const severityValue = number(severityEl?.attrs['value']);
  if (severityValue !== undefined) fields.severityValue = severityValue;
  const unit = severityEl?.attrs['unit']?.trim();
  if (unit) fields.severityUnit = unit;
  const capUrl = own.get('cap');
  if (capUrl) fields.capUrl = capUrl;
  if (!found && !parsed && !capUrl) return undefined;
  const point = pointOf(item);
  if (point) fields.point = point;
  quakeOf(fields);
  return fields;
}
