import { describe, expect, it } from 'vitest';
import { buildAffectedSchool } from '../../test/fixtures';
import { bandColour, BAND_COLOURS, displayBbox, genericRamp, MMI_RAMP, rampExpression, rampFor, schoolFeatures, WIND_RAMP } from './hazard-style';

describe('map colours', () => {
  it('uses the MMI and wind scales for those measures and spreads other values over a generic ramp', () => {
    expect(rampFor('MMI', [])).toBe(MMI_RAMP);
    expect(rampFor('WIND', [])).toBe(WIND_RAMP);
    const ramp = rampFor('DEPTH_M', [0.5, 2.5, 1]);
    expect(ramp.map(([value]) => value)).toEqual([0.5, 1, 1.5, 2, 2.5]);
    expect(genericRamp([3, 3])).toHaveLength(1);
    expect(rampExpression(genericRamp([3, 3]))).toMatch(/^#/);
    expect(rampExpression(MMI_RAMP)).toEqual(expect.arrayContaining(['interpolate']));
  });

  it('clamps bands to the palette', () => {
    expect(bandColour(-1)).toBe(BAND_COLOURS[0]);
    expect(bandColour(99)).toBe(BAND_COLOURS.at(-1));
  });

  it('uses the server’s bbox when usable, else the shapes’ extent', () => {
    expect(displayBbox({ bbox: [1, 2, 3, 4] })).toEqual([1, 2, 3, 4]);
    expect(displayBbox({})).toBeNull();
    const track = { type: 'Feature', properties: { role: 'track' }, geometry: { type: 'LineString', coordinates: [[85.8, 19.8], [86.5, 21.1]] } };
    const point = { type: 'Feature', properties: { role: 'epicentre' }, geometry: { type: 'Point', coordinates: [84, 20] } };
    expect(displayBbox({ type: 'FeatureCollection', bbox: [1, 2, 'x', 4], features: [track, point] })).toEqual([84, 19.8, 86.5, 21.1]);
  });

  it('draws only schools with coordinates', () => {
    const features = schoolFeatures([buildAffectedSchool({ code: 'A' }), buildAffectedSchool({ code: 'B', lon: null, lat: null })]);
    expect(features.features.map((f) => String(f.properties?.code))).toEqual(['A']);
  });
});
