import { describe, expect, it } from 'vitest';
import { GeoInputError } from '../errors.js';
import { sharedBytes } from '../testing/shared-data.js';
import { readShakeMapGrid } from './read-shakemap-grid.js';

function codeOf(fn: () => unknown): string | undefined {
  try {
    fn();
  } catch (err) {
    if (err instanceof GeoInputError) return err.code;
    throw err;
  }
  return undefined;
}

function messageOf(fn: () => unknown): string {
  try {
    fn();
  } catch (err) {
    return err instanceof Error ? err.message : String(err);
  }
  return '';
}

const enc = new TextEncoder();

function miniGrid(opts: { ns?: string; rows?: string; fields?: string; spec?: string } = {}): Uint8Array {
  const fields =
    opts.fields ??
    '<grid_field index="1" name="LON" units="dd"/><grid_field index="2" name="LAT" units="dd"/><grid_field index="3" name="MMI" units="intensity"/>';
  const spec =
    opts.spec ??
    '<grid_specification lon_min="10" lat_min="20" lon_max="11" lat_max="21" nominal_lon_spacing="1" nominal_lat_spacing="1" nlon="2" nlat="2"/>';
  const rows = opts.rows ?? '10 21 5\n11 21 6\n10 20 7\n11 20 8\n';
  return enc.encode(
    `<?xml version="1.0"?><shakemap_grid xmlns="${opts.ns ?? 'http://earthquake.usgs.gov/eqcenter/shakemap'}" shakemap_event_type="SCENARIO">` +
      `<event event_id="x1" magnitude="6.1" depth="10" lat="20.5" lon="10.5" event_timestamp="2020-01-01T00:00:00"/>${spec}${fields}` +
      `<grid_data>\n${rows}</grid_data></shakemap_grid>`,
  );
}

describe('readShakeMapGrid on real files', () => {
  it('reads the complete NYC ShakeMap 3 scenario grid', () => {
    const grid = readShakeMapGrid(sharedBytes('shakemap/m5.8.nyc.scenario.grid.xml'));
    expect(grid.event).toMatchObject({ id: 'NYC_M5.8_se', magnitude: 5.8, depthKm: 5, eventType: 'SCENARIO' });
    expect(grid.event.time).toBe('2017-03-31T00:00:00.000Z');
    expect(grid.spec).toMatchObject({ nlon: 161, nlat: 123, lonMin: -76.03, latMax: 42.07 });
    expect(grid.pointsRead).toBe(161 * 123);
    expect(Object.keys(grid.fields)).toEqual(['LON', 'LAT', 'PGA', 'PGV', 'MMI', 'PSA03', 'PSA10', 'PSA30', 'SVEL']);
    expect(grid.units['PGA']).toBe('pctg');
    expect(grid.fields['MMI']?.[0]).toBeCloseTo(3.89, 5);
    expect(grid.fields['SVEL']?.[1]).toBeCloseTo(873.015, 3);
    expect(grid.fields['LON']?.[161 * 123 - 1]).toBeCloseTo(-72.03, 4);
    expect(grid.warnings).toEqual([]);
  });

  it('refuses the truncated Gorkha grid by default and says how much is missing', () => {
    const msg = messageOf(() => readShakeMapGrid(sharedBytes('shakemap/ghorka_grid.xml')));
    expect(msg).toMatch(/4 of 114798 points/);
    expect(codeOf(() => readShakeMapGrid(sharedBytes('shakemap/ghorka_grid.xml')))).toBe('SHAKEMAP_GRID_INVALID');
  });

  it('reads the truncated Gorkha grid with allowPartial, with a warning and NaN beyond the data', () => {
    const grid = readShakeMapGrid(sharedBytes('shakemap/ghorka_grid.xml'), { allowPartial: true });
    expect(grid.event).toMatchObject({ id: 'us20002926', magnitude: 7.8, eventType: 'ACTUAL' });
    expect(grid.event.time).toBe('2015-04-25T06:11:25.000Z');
    expect(grid.pointsRead).toBe(4);
    expect(grid.fields['MMI']?.[3]).toBeCloseTo(3.96, 5);
    expect(Number.isNaN(grid.fields['MMI']?.[4])).toBe(true);
    expect(grid.warnings.map((w) => w.code)).toEqual(['SHAKEMAP_GRID_TRUNCATED']);
  });

  it('picks grid.xml out of the zip USGS ships (which also holds uncertainty.xml)', () => {
    const grid = readShakeMapGrid(sharedBytes('shakemap/ghorka_grid.zip'), { allowPartial: true });
    expect(Object.keys(grid.fields)).toContain('MMI');
    expect(Object.keys(grid.fields)).not.toContain('STDMMI');
  });

  it('reads a zip whose only XML is an uncertainty grid', () => {
    const grid = readShakeMapGrid(sharedBytes('shakemap/ghorka_uncertainty.zip'), { allowPartial: true });
    expect(grid.fields['STDMMI']?.[0]).toBeCloseTo(0.72, 5);
    expect(Object.keys(grid.fields)).toHaveLength(20);
  });

  it('reads the ShakeMap 4 Atlas field order by name', () => {
    const grid = readShakeMapGrid(sharedBytes('shakemap/us20002926-grid_atlas_v4_truncated.xml'), { allowPartial: true });
    expect(Object.keys(grid.fields).slice(0, 4)).toEqual(['LON', 'LAT', 'MMI', 'PGA']);
    expect(grid.units['PGA']).toBe('%g');
    expect(grid.fields['MMI']?.[0]).toBeCloseTo(3.1, 5);
    expect(grid.fields['PGA']?.[0]).toBeCloseTo(0.3604, 5);
  });

  it('refuses invalid_grid.xml: truncated, and lacking the spectral fields a risk run asks for', () => {
    const bytes = sharedBytes('shakemap/invalid_grid.xml');
    expect(codeOf(() => readShakeMapGrid(bytes))).toBe('SHAKEMAP_GRID_INVALID');
    expect(messageOf(() => readShakeMapGrid(bytes))).toMatch(/3 of 120098 points/);
    const msg = messageOf(() => readShakeMapGrid(bytes, { allowPartial: true, requiredFields: ['PGA', 'PSA03', 'PSA10'] }));
    expect(msg).toMatch(/lacks required fields: PSA03, PSA10/);
  });
});

describe('readShakeMapGrid on synthetic grids', () => {
  it('reads a minimal complete grid', () => {
    const grid = readShakeMapGrid(miniGrid());
    expect(Array.from(grid.fields['MMI'] ?? [])).toEqual([5, 6, 7, 8]);
    expect(grid.event.eventType).toBe('SCENARIO');
  });

  it('parses exponents, signs and NaN', () => {
    const grid = readShakeMapGrid(miniGrid({ rows: '10 21 1e-1\n11 21 -2.5E+1\n10 20 NaN\n11 20 +8\n' }));
    const mmi = Array.from(grid.fields['MMI'] ?? []);
    expect(mmi[0]).toBeCloseTo(0.1, 6);
    expect(mmi[1]).toBe(-25);
    expect(Number.isNaN(mmi[2])).toBe(true);
    expect(mmi[3]).toBe(8);
  });

  it.each([
    ['wrong namespace', miniGrid({ ns: 'http://example.org/other' }), /namespace/],
    ['missing fields', miniGrid({ fields: '' }), /no grid_field/],
    ['field order without LAT', miniGrid({ fields: '<grid_field index="1" name="LON"/><grid_field index="2" name="MMI"/><grid_field index="3" name="PGA"/>' }), /LAT/],
    ['a short row', miniGrid({ rows: '10 21 5\n11 21\n10 20 7\n11 20 8\n' }), /row 2 holds 2 values/],
    ['too many points', miniGrid({ rows: '10 21 5\n11 21 6\n10 20 7\n11 20 8\n12 20 9\n' }), /more points/],
    ['garbage', miniGrid({ rows: '10 21 5\n11 21 x\n' }), /unexpected character/],
    ['wrong order', miniGrid({ rows: '10 20 5\n11 20 6\n10 21 7\n11 21 8\n' }), /north-west/],
    ['bad spec', miniGrid({ spec: '<grid_specification lon_min="10" lat_min="20" lon_max="11" lat_max="21" nominal_lon_spacing="1" nominal_lat_spacing="1" nlon="two" nlat="2"/>' }), /nlon/],
    ['not XML', enc.encode('hello'), /grid_data/],
    ['malformed header', enc.encode('<shakemap_grid><event <grid_data>1</grid_data>'), /well-formed|root/],
  ])('refuses %s with SHAKEMAP_GRID_INVALID', (_name, bytes, pattern) => {
    expect(codeOf(() => readShakeMapGrid(bytes))).toBe('SHAKEMAP_GRID_INVALID');
    expect(messageOf(() => readShakeMapGrid(bytes))).toMatch(pattern);
  });

  it('refuses a grid whose header declares entities', () => {
    const evil = new TextEncoder().encode('<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "aaaa">]><shakemap_grid><grid_data></grid_data></shakemap_grid>');
    expect(codeOf(() => readShakeMapGrid(evil))).toBe('XML_UNSAFE');
  });

  it('refuses a zip without grid.xml', async () => {
    const { zipSync } = await import('fflate');
    const zip = zipSync({ 'a.xml': enc.encode('<a/>'), 'b.xml': enc.encode('<b/>') });
    expect(messageOf(() => readShakeMapGrid(zip))).toMatch(/no grid.xml/);
  });
});
