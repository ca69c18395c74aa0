import { describe, expect, it } from 'vitest';
import { suggestMapping } from './school-fields.js';
import { SchoolRowValidator } from './validate-school-row.js';

const columns = ['SCHCD', 'School Name', 'latitude', 'longitude', 'rururb', 'dist_lgd', 'DT NAME', 'enrolment_girls'];
const { mapping } = suggestMapping(columns, {});
const row = (values: Partial<Record<string, string>>) => ({
  SCHCD: '11010102503',
  'School Name': 'Mangshilla SSS',
  latitude: '27.26',
  longitude: '88.32',
  rururb: '1',
  dist_lgd: '227',
  'DT NAME': 'North Sikkim',
  enrolment_girls: '12',
  ...values,
});
const codes = (values: Partial<Record<string, string>>) =>
  new SchoolRowValidator(mapping, 'IN', 'udise')
    .validate(1, row(values) as Record<string, string>)
    .problems.map((p) => `${p.severity}:${p.code}`);

describe('mapping suggestions', () => {
  it('finds UDISE+ and Giga names whatever their case and spacing, and lets the user win', () => {
    expect(mapping).toMatchObject({
      school_id_govt: 'SCHCD',
      school_name: 'School Name',
      latitude: 'latitude',
      school_area_type: 'rururb',
      district_lgd: 'dist_lgd',
      district_name: 'DT NAME',
    });
    const mine = suggestMapping([...columns, 'name_en'], { school_name: 'name_en', bogus: 'x' });
    expect(mine.mapping.school_name).toBe('name_en');
    expect(mine.unknownFields).toEqual(['bogus']);
    expect(suggestMapping(columns, { school_area_type: '' }).mapping.school_area_type).toBeUndefined();
  });

  it('prefers the GeoJSON point over coordinate properties', () => {
    expect(suggestMapping(['schcd', 'latitude', 'longitude', 'geometry.lon', 'geometry.lat'], {}).mapping).toMatchObject({
      longitude: 'geometry.lon',
      latitude: 'geometry.lat',
    });
  });
});

describe('row validation', () => {
  it('accepts a good row and shapes it as columns', () => {
    const result = new SchoolRowValidator(mapping, 'IN', 'udise').validate(1, row({}));
    expect(result.problems).toEqual([]);
    expect(result.school).toMatchObject({
      code: '11010102503',
      lat: 27.26,
      lon: 88.32,
      values: {
        name: 'Mangshilla SSS',
        rural_urban: 'rural',
        enrolment_girls: 12,
        declared_areas: { district: { lgd: '227', name: 'North Sikkim' } },
      },
    });
  });

  it('refuses missing codes and names, and short numeric codes with a leading-zero hint', () => {
    expect(codes({ SCHCD: '' })).toEqual(['error:MISSING_CODE']);
    expect(codes({ 'School Name': ' ' })).toEqual(['error:MISSING_NAME']);
    const short = new SchoolRowValidator(mapping, 'IN', 'udise').validate(3, row({ SCHCD: '1010102503' })).problems[0]!;
    expect(short).toMatchObject({ row: 3, column: 'SCHCD', code: 'CODE_FORMAT', value: '1010102503' });
    expect(short.message).toMatch(/leading zero/);
    expect(codes({ SCHCD: '1.10101E+10' })).toEqual(['error:CODE_FORMAT']);
  });

  it('refuses the second row with a code already seen', () => {
    const v = new SchoolRowValidator(mapping, 'IN', 'udise');
    expect(v.validate(1, row({}) as Record<string, string>).school).not.toBeNull();
    expect(v.validate(2, row({}) as Record<string, string>).problems.map((p) => p.code)).toEqual(['DUPLICATE_CODE']);
  });

  it('checks coordinates: missing, not numbers, 0,0, outside India, swapped', () => {
    expect(codes({ latitude: '', longitude: '' })).toEqual(['warning:NO_LOCATION']);
    expect(codes({ latitude: '27.1', longitude: '' })).toEqual(['error:MISSING_COORDINATE']);
    expect(codes({ latitude: 'abc' })).toEqual(['error:NOT_A_NUMBER']);
    expect(codes({ latitude: '0', longitude: '0' })).toEqual(['error:NULL_ISLAND']);
    expect(codes({ latitude: '51.5', longitude: '-0.12' })).toEqual(['error:OUTSIDE_COUNTRY']);
    expect(codes({ latitude: '95', longitude: '150' })).toEqual(['error:OUT_OF_RANGE']);
    expect(codes({ latitude: '95', longitude: '10' })).toEqual(['error:SWAPPED_COORDINATES']);
    expect(codes({ latitude: '88.32', longitude: '27.26' })).toEqual(['error:SWAPPED_COORDINATES']);
  });

  it('refuses negative and fractional counts, and warns on an unknown rural/urban value', () => {
    expect(codes({ enrolment_girls: '-3' })).toEqual(['error:NEGATIVE_COUNT']);
    expect(codes({ enrolment_girls: '2.5' })).toEqual(['error:NOT_AN_INTEGER']);
    expect(codes({ rururb: '7' })).toEqual(['warning:UNKNOWN_VALUE']);
  });
});
