import type { XmlElement } from '../xml/xml-node.js';
import type { CapAlert } from './cap-types.js';

const GDACS_NS = 'http://www.gdacs.org';

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
}

// GDACS RSS element names (and the CAP parameter names GDACS uses for the same facts).
const KEYS: [keyof Omit<GdacsFields, 'bbox'>, string[]][] = [
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
  return found || parsed ? fields : undefined;
}
