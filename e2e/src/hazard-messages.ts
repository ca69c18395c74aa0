import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * Hazard messages the alerting test writes itself: a CAP 1.2 alert (and its Update) over a polygon, a USGS
 * real-time GeoJSON summary feed with one earthquake served on loopback, and that earthquake's ShakeMap grid.xml.
 */

export interface CapPolygonAlert {
  identifier: string;
  sender: string;
  sent: Date;
  /** Lon/lat corners (a closing corner is added). */
  corners: readonly [number, number][];
  event: string;
  headline: string;
  /** An Update names the alert it updates: [sender, identifier, sent]. */
  updates?: { sender: string; identifier: string; sent: Date };
}

/** CAP's date form: no milliseconds, a numeric offset. */
export function capTime(date: Date): string {
  return date.toISOString().replace(/\.\d{3}Z$/, '+00:00');
}

/** A CAP 1.2 alert (msgType Alert, or Update when it names the one it updates), status Actual, severity Extreme. */
export function capAlert(a: CapPolygonAlert): string {
  const ring = [...a.corners, a.corners[0]!].map(([lon, lat]) => `${lat.toFixed(4)},${lon.toFixed(4)}`).join(' ');
  const expires = new Date(a.sent.getTime() + 12 * 3600_000);
  const references = a.updates ? `\n  <references>${a.updates.sender},${a.updates.identifier},${capTime(a.updates.sent)}</references>` : '';
  return `<?xml version="1.0" encoding="UTF-8"?>
<alert xmlns="urn:oasis:names:tc:emergency:cap:1.2">
  <identifier>${a.identifier}</identifier>
  <sender>${a.sender}</sender>
  <sent>${capTime(a.sent)}</sent>
  <status>Actual</status>
  <msgType>${a.updates ? 'Update' : 'Alert'}</msgType>
  <scope>Public</scope>${references}
  <info>
    <language>en-IN</language>
    <category>Geo</category>
    <event>${a.event}</event>
    <responseType>Evacuate</responseType>
    <urgency>Immediate</urgency>
    <severity>Extreme</severity>
    <certainty>Observed</certainty>
    <onset>${capTime(a.sent)}</onset>
    <expires>${capTime(expires)}</expires>
    <senderName>Sikkim State Disaster Management Authority (test)</senderName>
    <headline>${a.headline}</headline>
    <description>Debris flow observed above the town after continuous heavy rain.</description>
    <instruction>Move away from slopes and drainage lines.</instruction>
    <area>
      <areaDesc>Part of Gangtok town</areaDesc>
      <polygon>${ring}</polygon>
    </area>
  </info>
</alert>
`;
}

export interface Quake {
  id: string;
  magnitude: number;
  lon: number;
  lat: number;
  depthKm: number;
  time: Date;
  place: string;
}

/** A USGS real-time GeoJSON summary feed (e.g. significant_hour.geojson) holding the given earthquakes. */
export function usgsSummaryFeed(quakes: readonly Quake[]): string {
  const features = quakes.map((q) => ({
    type: 'Feature',
    id: q.id,
    properties: {
      mag: q.magnitude,
      place: q.place,
      time: q.time.getTime(),
      updated: q.time.getTime() + 4 * 60_000,
      tz: null,
      url: `https://earthquake.usgs.gov/earthquakes/eventpage/${q.id}`,
      detail: `https://earthquake.usgs.gov/earthquakes/feed/v1.0/detail/${q.id}.geojson`,
      felt: null,
      cdi: null,
      mmi: null,
      alert: null,
      status: 'automatic',
      tsunami: 0,
      sig: 650,
      net: q.id.slice(0, 2),
      code: q.id.slice(2),
      ids: `,${q.id},`,
      sources: `,${q.id.slice(0, 2)},`,
      types: ',origin,phase-data,',
      magType: 'mww',
      type: 'earthquake',
      title: `M ${q.magnitude.toFixed(1)} - ${q.place}`,
    },
    geometry: { type: 'Point', coordinates: [q.lon, q.lat, q.depthKm] },
  }));
  return JSON.stringify({
    type: 'FeatureCollection',
    metadata: {
      generated: Date.now(),
      url: 'https://earthquake.usgs.gov/earthquakes/feed/v1.0/summary/significant_hour.geojson',
      title: 'USGS Significant Earthquakes, Past Hour',
      status: 200,
      api: '1.14.1',
      count: features.length,
    },
    features,
    bbox: [88.0, 27.0, 0, 89.0, 28.0, 30],
  });
}

/**
 * A ShakeMap grid.xml for the quake as USGS lays it out: the grid's header, its fields (LON, LAT, PGA, MMI) and
 * rows west to east, north to south, MMI falling off with distance from the epicentre from `peakMmi`.
 */
export function shakeMapGrid(q: Quake, o: { version: number; peakMmi: number }): string {
  const spacing = 0.025;
  const west = Math.round((q.lon - 1) * 1000) / 1000;
  const north = Math.round((q.lat + 1) * 1000) / 1000;
  const columns = 81;
  const rows = 81;
  const lines: string[] = [];
  for (let r = 0; r < rows; r++) {
    const lat = north - r * spacing;
    for (let c = 0; c < columns; c++) {
      const lon = west + c * spacing;
      const km = Math.hypot((lon - q.lon) * 111.32 * Math.cos((q.lat * Math.PI) / 180), (lat - q.lat) * 110.57);
      const mmi = Math.max(1, o.peakMmi - km / 18);
      const pga = Math.max(0.01, 10 ** ((mmi - 4.5) / 2.2));
      lines.push(`${lon.toFixed(4)} ${lat.toFixed(4)} ${pga.toFixed(2)} ${mmi.toFixed(2)}`);
    }
  }
  const stamp = q.time.toISOString().replace(/\.\d{3}Z$/, 'UTC');
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<shakemap_grid xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xmlns="http://earthquake.usgs.gov/eqcenter/shakemap" event_id="${q.id}" shakemap_id="${q.id}" shakemap_version="${o.version}" code_version="4.1.3" process_timestamp="${new Date().toISOString().replace(/\.\d{3}Z$/, 'Z')}" shakemap_originator="us" map_status="RELEASED" shakemap_event_type="ACTUAL">
<event event_id="${q.id}" magnitude="${q.magnitude}" depth="${q.depthKm}" lat="${q.lat.toFixed(6)}" lon="${q.lon.toFixed(6)}" event_timestamp="${stamp}" event_network="${q.id.slice(0, 2)}" event_description="${q.place}" />
<grid_specification lon_min="${west.toFixed(6)}" lat_min="${(north - (rows - 1) * spacing).toFixed(6)}" lon_max="${(west + (columns - 1) * spacing).toFixed(6)}" lat_max="${north.toFixed(6)}" nominal_lon_spacing="${spacing.toFixed(6)}" nominal_lat_spacing="${spacing.toFixed(6)}" nlon="${columns}" nlat="${rows}" />
<grid_field index="1" name="LON" units="dd" />
<grid_field index="2" name="LAT" units="dd" />
<grid_field index="3" name="PGA" units="pctg" />
<grid_field index="4" name="MMI" units="intensity" />
<grid_data>
${lines.join('\n')}
</grid_data>
</shakemap_grid>
`;
}

/** An HTTP server on 127.0.0.1 answering each path with the body set for it (404 otherwise), counting requests. */
export async function serveOnLoopback(): Promise<{
  url: string;
  set(path: string, type: string, body: string): void;
  hits(path: string): number;
  close(): Promise<void>;
}> {
  const files = new Map<string, { type: string; body: string }>();
  const hits = new Map<string, number>();
  const server = createServer((request, response) => {
    const path = request.url ?? '';
    hits.set(path, (hits.get(path) ?? 0) + 1);
    const file = files.get(path);
    response.writeHead(file ? 200 : 404, { 'content-type': file?.type ?? 'text/plain' });
    response.end(file?.body ?? 'not found');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    set: (path, type, body) => files.set(path, { type, body }),
    hits: (path) => hits.get(path) ?? 0,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
