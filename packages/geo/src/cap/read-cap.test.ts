import { describe, expect, it } from 'vitest';
import { geoError } from '../testing/expect-geo-error.js';
import { sharedBytes } from '../testing/shared-data.js';
import { readCap } from './read-cap.js';

const wrap = (area: string): string =>
  `<alert xmlns="urn:oasis:names:tc:emergency:cap:1.2"><identifier>x</identifier><sender>s</sender><sent>2020-01-01T00:00:00+00:00</sent>` +
  `<status>Actual</status><msgType>Alert</msgType><scope>Public</scope><info><category>Geo</category><event>Flood</event>` +
  `<urgency>Immediate</urgency><severity>Severe</severity><certainty>Observed</certainty><area><areaDesc>A</areaDesc>${area}</area></info></alert>`;

describe('readCap on the OASIS examples', () => {
  it('example 1: one info, parameter, no geometry', () => {
    const { alert, warnings } = readCap(sharedBytes('cap/oasis/oasis_cap12_example1.xml'));
    expect(alert).toMatchObject({ version: '1.2', identifier: '43b080713727', sender: 'hsas@dhs.gov', status: 'Actual', msgType: 'Alert', scope: 'Public' });
    expect(alert.infos).toHaveLength(1);
    expect(alert.infos[0]?.parameters).toEqual([{ valueName: 'HSAS', value: 'ORANGE' }]);
    expect(alert.infos[0]?.language).toBe('en-US');
    expect(warnings).toEqual([]);
  });

  it('example 2: polygon converted to [lon, lat], geocodes, eventCode', () => {
    const { alert } = readCap(sharedBytes('cap/oasis/oasis_cap12_example2.xml'));
    const area = alert.infos[0]?.areas[0];
    expect(area?.polygons[0]?.[0]).toEqual([-120.14, 38.47]);
    expect(area?.polygons[0]).toHaveLength(5);
    expect(area?.geocodes).toHaveLength(3);
    expect(alert.infos[0]?.eventCodes).toEqual([{ valueName: 'SAME', value: 'SVR' }]);
    expect(alert.infos[0]?.expires).toBe('2003-06-17T16:00:00-07:00');
  });

  it('example 3: references parsed and a zero-radius circle kept with a warning', () => {
    const { alert, warnings } = readCap(sharedBytes('cap/oasis/oasis_cap12_example3.xml'));
    expect(alert.msgType).toBe('Update');
    expect(alert.references).toEqual([{ sender: 'trinet@caltech.edu', identifier: 'TRI13970876.1', sent: '2003-06-11T20:30:00-07:00' }]);
    expect(alert.infos[0]?.areas[0]?.circles).toEqual([{ lon: -115.5527, lat: 32.9525, radiusKm: 0 }]);
    expect(warnings.map((w) => w.code)).toEqual(['CAP_CIRCLE_ZERO_RADIUS']);
  });

  it('example 4: two languages', () => {
    const { alert } = readCap(sharedBytes('cap/oasis/oasis_cap12_example4.xml'));
    expect(alert.infos.map((i) => i.language)).toEqual(['en-US', 'es-US']);
    expect(alert.infos[1]?.event).toBe('Abducción de Niño');
  });
});

describe('readCap on agency alerts', () => {
  it('DWD: eight languages, polygons, UTF-8 text', () => {
    const { alert } = readCap(sharedBytes('cap/agencies/dwd_multilang_small.xml'));
    expect(alert.infos.length).toBe(8);
    expect(new Set(alert.infos.map((i) => i.language)).size).toBe(8);
    expect(alert.infos[0]?.eventCodes.find((c) => c.valueName === 'LICENSE')?.value).toMatch(/^© GeoBasis/);
    expect(alert.references).toHaveLength(1);
  });

  it('Canada NAAD and canada.cap: several references, geocodes, polygons', () => {
    const naad = readCap(sharedBytes('cap/agencies/CanadaNaad.xml')).alert;
    expect(naad.infos.length).toBeGreaterThan(0);
    expect(naad.source).toMatch(/Montréal/);
    const ec = readCap(sharedBytes('cap/agencies/canada.cap')).alert;
    expect(ec.references).toHaveLength(2);
    expect(ec.infos.every((i) => i.areas.every((a) => a.polygons.every((p) => p.length >= 4)))).toBe(true);
  });

  it('Australia: prefixed cap: namespace, two categories', () => {
    const { alert } = readCap(sharedBytes('cap/agencies/australia.cap'));
    expect(alert.identifier).toMatch(/rfs\.nsw/);
    expect(alert.infos[0]?.categories).toEqual(['Fire', 'Met']);
  });

  it('Philippines: signed alert, polygon in [lon, lat]', () => {
    const { alert } = readCap(sharedBytes('cap/agencies/ph.cap'));
    expect(alert.status).toBe('Test');
    expect(alert.infos[0]?.areas[0]?.polygons[0]?.[0]).toEqual([120, 21]);
  });

  it('NWS weather.cap is CAP 1.1: accepted with a warning', () => {
    const { alert, warnings } = readCap(sharedBytes('cap/agencies/weather.cap'));
    expect(alert.version).toBe('1.1');
    expect(warnings.map((w) => w.code)).toContain('CAP_VERSION_OLD');
  });

  it('an alert without info block: infos [] and CAP_NO_INFO', () => {
    const { alert, warnings } = readCap(sharedBytes('cap/agencies/no_info_tag.cap'));
    expect(alert.msgType).toBe('Cancel');
    expect(alert.infos).toEqual([]);
    expect(warnings.map((w) => w.code)).toContain('CAP_NO_INFO');
    expect(alert.references[0]?.identifier).toBe('1017033100951096-517189320160225203219800');
  });

  it('GDACS earthquake alert with a BOM and a long polygon', () => {
    const { alert } = readCap(sharedBytes('cap/gdacs/kontur_gdacs_cap_EQ_1279931_japan.xml'));
    expect(alert.identifier).toBe('GDACS_EQ_1279931_1389192');
    const ring = alert.infos[0]?.areas[0]?.polygons[0] ?? [];
    expect(ring.length).toBeGreaterThan(100);
    expect(ring[0]).toEqual(ring[ring.length - 1]);
    expect(alert.infos[0]?.parameters.find((p) => p.valueName === 'alertlevel')?.value).toBe('Green');
  });

  it('refuses the feeds and the schema as single alerts', () => {
    expect(geoError(() => readCap(sharedBytes('cap/agencies/sweden.atom'))).code).toBe('CAP_INVALID');
    expect(geoError(() => readCap(sharedBytes('cap/oasis/CAP-v1.2.xsd'))).code).toBe('CAP_INVALID');
  });
});

describe('readCap geometry and bad input', () => {
  it('reads a closed polygon as [lon, lat] and refuses an unclosed one (it may have been cut short)', () => {
    const { alert, warnings } = readCap(wrap('<polygon>10,20 10,21 11,21 11,20 10,20</polygon>'));
    expect(alert.infos[0]?.areas[0]?.polygons[0]).toEqual([[20, 10], [21, 10], [21, 11], [20, 11], [20, 10]]);
    expect(warnings).toEqual([]);
    expect(geoError(() => readCap(wrap('<polygon>10,20 10,21 11,21 11,20</polygon>'))).code).toBe('POLYGON_NOT_CLOSED');
  });

  it.each([
    ['three points', '<polygon>10,20 10,21 10,20</polygon>', 'POLYGON_INVALID'],
    ['a bad pair', '<polygon>10;20 10,21 11,21 10,20</polygon>', 'POLYGON_INVALID'],
    ['a pair without longitude', '<polygon>10,20 10, 11,21 10,20</polygon>', 'POLYGON_INVALID'],
    ['a hexadecimal coordinate', '<polygon>10,20 0x0A,21 11,21 10,20</polygon>', 'POLYGON_INVALID'],
    ['latitude out of range', '<polygon>95,20 10,21 11,21 95,20</polygon>', 'POLYGON_INVALID'],
    ['a circle without radius', '<circle>10,20</circle>', 'CIRCLE_INVALID'],
    ['a negative radius', '<circle>10,20 -5</circle>', 'CIRCLE_INVALID'],
  ])('refuses %s', (_n, area, code) => {
    expect(geoError(() => readCap(wrap(area))).code).toBe(code);
  });

  it('reads a circle as lon, lat, radius', () => {
    expect(readCap(wrap('<circle>32.9,-115.5 12.5</circle>')).alert.infos[0]?.areas[0]?.circles).toEqual([{ lon: -115.5, lat: 32.9, radiusKm: 12.5 }]);
  });

  it('refuses missing identifier, wrong namespace, malformed XML and entity declarations', () => {
    const noId = geoError(() => readCap('<alert xmlns="urn:oasis:names:tc:emergency:cap:1.2"><sender>s</sender></alert>'));
    expect(noId.code).toBe('CAP_ELEMENT_MISSING');
    expect(noId.message).toMatch(/identifier/);
    expect(geoError(() => readCap('<alert xmlns="urn:example"><identifier>x</identifier></alert>')).code).toBe('CAP_INVALID');
    expect(geoError(() => readCap('<alert xmlns="urn:oasis:names:tc:emergency:cap:1.2"><identifier>')).code).toBe('CAP_INVALID');
    expect(geoError(() => readCap('<alert>&nbsp;</alert>')).code).toBe('CAP_INVALID');
    const lol = '<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;">]><alert>&lol2;</alert>';
    expect(geoError(() => readCap(lol)).code).toBe('XML_UNSAFE');
    const xxe = '<?xml version="1.0"?><!DOCTYPE a [<!ENTITY xxe SYSTEM "file:///etc/passwd">]><alert>&xxe;</alert>';
    expect(geoError(() => readCap(xxe)).code).toBe('XML_UNSAFE');
  });

  it('refuses an unknown msgType and a malformed reference (the real-file cases are in cap-rules.test.ts)', () => {
    const bogus = wrap('').replace('<msgType>Alert</msgType>', '<msgType>Bogus</msgType>');
    expect(geoError(() => readCap(bogus)).code).toBe('CAP_VALUE_UNKNOWN');
    const badRef = wrap('').replace('<scope>Public</scope>', '<scope>Public</scope><references>only-two,parts</references>');
    expect(geoError(() => readCap(badRef)).code).toBe('CAP_REFERENCE_INVALID');
  });
});

describe('XML decoding', () => {
  const latin1 = (s: string): Uint8Array => Uint8Array.from([...s].map((c) => c.charCodeAt(0)));
  it('honours a declared ISO-8859-1 encoding', () => {
    const bytes = latin1(wrap('').replace('<?xml', '').replace('<event>Flood</event>', '<event>Crue à Montréal</event>'));
    const doc = Uint8Array.from([...latin1('<?xml version="1.0" encoding="ISO-8859-1"?>'), ...bytes]);
    const { alert, warnings } = readCap(doc);
    expect(alert.infos[0]?.event).toBe('Crue à Montréal');
    expect(warnings).toEqual([]);
  });

  it('warns, not crashes, when UTF-8 is declared but the bytes are Latin-1', () => {
    const doc = latin1(`<?xml version="1.0" encoding="UTF-8"?>${wrap('').replace('<event>Flood</event>', '<event>Crue à Montréal</event>')}`);
    const { alert, warnings } = readCap(doc);
    expect(alert.infos[0]?.event).toBe('Crue à Montréal');
    expect(warnings.map((w) => w.code)).toContain('XML_ENCODING_MISMATCH');
  });

  it('honours a UTF-16 byte-order mark', () => {
    const text = wrap('');
    const bytes = new Uint8Array(2 + text.length * 2);
    bytes[0] = 0xff;
    bytes[1] = 0xfe;
    for (let i = 0; i < text.length; i++) bytes[2 + 2 * i] = text.charCodeAt(i);
    expect(readCap(bytes).alert.identifier).toBe('x');
  });

  it('warns on an unknown declared encoding', () => {
    const doc = new TextEncoder().encode(`<?xml version="1.0" encoding="x-klingon"?>${wrap('')}`);
    expect(readCap(doc).warnings.map((w) => w.code)).toContain('XML_ENCODING_UNKNOWN');
  });
});
