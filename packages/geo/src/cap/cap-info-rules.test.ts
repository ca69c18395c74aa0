import { describe, expect, it } from 'vitest';
import { geoError } from '../testing/expect-geo-error.js';
import { mutatedText } from '../testing/mutated-text.js';
import { readCap } from './read-cap.js';

// Each case breaks exactly one CAP 1.2 rule of an info block or area in a real message (see cap-rules.ts);
// the unmutated files are checked in cap-alert-rules.test.ts.
const EX2 = 'cap/oasis/oasis_cap12_example2.xml';
const EX3 = 'cap/oasis/oasis_cap12_example3.xml';
const EX4 = 'cap/oasis/oasis_cap12_example4.xml';
const CANADA = 'cap/agencies/canada.cap';
const DWD = 'cap/agencies/dwd_multilang_small.xml';

type Edit = [from: string | RegExp, to: string];
const refused = (path: string, ...edits: Edit[]) => geoError(() => readCap(mutatedText(path, ...edits))).code;
const warned = (path: string, ...edits: Edit[]) => readCap(mutatedText(path, ...edits)).warnings.map((w) => w.code);

const EX2_RING = '38.47,-120.14 38.34,-119.95 38.52,-119.74 38.62,-119.89 38.47,-120.14';
const EX3_CIRCLE = '<circle>32.9525,-115.5527 0</circle>';

describe('what an info block must say', () => {
  it.each(['event', 'urgency', 'severity', 'certainty'])('refuses an info block without %s', (name) => {
    expect(refused(EX2, [new RegExp(`<${name}>[^<]*</${name}>`), ''])).toBe('CAP_ELEMENT_MISSING');
  });

  it('refuses the whole alert when only its second info block lacks severity', () => {
    const second = /(<language>es-US<\/language>[\s\S]*?)<severity>Severe<\/severity>/;
    const error = geoError(() => readCap(mutatedText(EX4, [second, '$1'])));
    expect(error.code).toBe('CAP_ELEMENT_MISSING');
    expect(error.message).toMatch(/^info 2 .*severity/);
  });

  it.each([
    ['urgency', '<urgency>Immediate</urgency>', '<urgency>Soon</urgency>'],
    ['severity', '<severity>Severe</severity>', '<severity>High</severity>'],
    ['certainty', '<certainty>Observed</certainty>', '<certainty>Sure</certainty>'],
  ])('refuses a %s outside the CAP list', (_name, from, to) => {
    expect(refused(EX2, [from, to])).toBe('CAP_VALUE_UNKNOWN');
  });

  it('reads an info block without category, or with an unlisted one, with a warning', () => {
    expect(warned(EX2, ['<category>Met</category>', ''])).toEqual(['CAP_INFO_INCOMPLETE']);
    expect(warned(EX2, ['<category>Met</category>', '<category>Weather</category>'])).toEqual(['CAP_VALUE_UNKNOWN']);
  });
});

describe('areas', () => {
  it('reads an area without areaDesc, with a warning', () => {
    expect(warned(EX2, [/<areaDesc>[^<]*<\/areaDesc>/, ''])).toEqual(['CAP_AREA_NO_DESC']);
  });

  it('refuses a polygon whose last pair is not its first', () => {
    expect(refused(EX2, [EX2_RING, EX2_RING.replace(/ 38\.47,-120\.14$/, '')])).toBe('POLYGON_NOT_CLOSED');
    expect(refused(DWD, [/(<polygon>[^<]*) [^ <]+<\/polygon>/, '$1 52.6,12.1</polygon>'])).toBe('POLYGON_NOT_CLOSED');
  });

  it.each([
    ['three pairs', '38.47,-120.14 38.34,-119.95 38.47,-120.14'],
    ['a pair written lon lat with a space', '38.47,-120.14 38.34 -119.95 38.52,-119.74 38.62,-119.89 38.47,-120.14'],
    ['a latitude beyond 90', '98.47,-120.14 38.34,-119.95 38.52,-119.74 38.62,-119.89 98.47,-120.14'],
  ])('refuses a polygon with %s', (_what, ring) => {
    expect(refused(EX2, [EX2_RING, ring])).toBe('POLYGON_INVALID');
  });

  it('reads a circle as lon, lat and a radius in km', () => {
    const { alert } = readCap(mutatedText(EX3, [EX3_CIRCLE, '<circle>32.9525,-115.5527 12.5</circle>']));
    expect(alert.infos[0]?.areas[0]?.circles).toEqual([{ lon: -115.5527, lat: 32.9525, radiusKm: 12.5 }]);
  });

  it.each([
    ['no radius', '32.9525,-115.5527'],
    ['a negative radius', '32.9525,-115.5527 -5'],
    ['a radius with a unit', '32.9525,-115.5527 5km'],
    ['lat and lon apart', '32.9525 -115.5527 5'],
  ])('refuses a circle with %s', (_what, circle) => {
    expect(refused(EX3, [EX3_CIRCLE, `<circle>${circle}</circle>`])).toBe('CIRCLE_INVALID');
  });

  it('leaves out a geocode without value or valueName, with a warning, and keeps the others', () => {
    const noValue = readCap(mutatedText(EX2, ['<value>006109</value>', '']));
    expect(noValue.warnings.map((w) => w.code)).toEqual(['CAP_GEOCODE_INVALID']);
    expect(noValue.alert.infos[0]?.areas[0]?.geocodes.map((g) => g.value)).toEqual(['006009', '006003']);
    expect(warned(CANADA, ['<valueName>layer:EC-MSC-SMC:1.0:CLC</valueName>', ''])).toEqual(['CAP_GEOCODE_INVALID']);
  });
});
