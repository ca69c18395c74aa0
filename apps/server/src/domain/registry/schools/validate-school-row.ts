import type { RowProblem } from '../../imports/import-runner.js';
import { countryRules, type CountryRules } from './country-rules.js';
import { fieldsByKey } from './school-fields.js';
import type { DeclaredAreas, DeclaredLevel, ValidatedRow } from './school-row.js';
import { validateCoordinates } from './validate-coordinates.js';

/** Which column of `schools` each simple field fills. Contacts, coordinates and declared areas are composed. */
const columnOf: Readonly<Record<string, string>> = {
  school_name: 'name',
  education_level: 'education_level',
  management: 'management',
  school_area_type: 'rural_urban',
  village: 'village',
  postcode: 'postcode',
  enrolment_girls: 'enrolment_girls',
  enrolment_boys: 'enrolment_boys',
  enrolment_total: 'enrolment_total',
  enrolment_other: 'enrolment_other',
  enrolment_disabled_girls: 'enrolment_disabled_girls',
  enrolment_disabled_boys: 'enrolment_disabled_boys',
  teachers_female: 'teachers_female',
  teachers_male: 'teachers_male',
  num_classrooms: 'classrooms',
  building_typology: 'typology',
  water_availability: 'water',
  electricity_availability: 'electricity',
};
const contacts = { head_teacher: 'head_teacher', focal_point: 'safety_focal_point' } as const;
const declaredLevels = ['state', 'district', 'block'] as const;
const declaredParts = ['lgd', 'census2011', 'udise', 'name'] as const;
const ruralUrban: Readonly<Record<string, string>> = {
  '1': 'rural',
  '2': 'urban',
  rural: 'rural',
  urban: 'urban',
  r: 'rural',
  u: 'urban',
};

/**
 * Validates rows one by one and remembers the codes seen, so the second row with a code is the one refused.
 * Pure apart from that memory: both passes of an import build a fresh validator and get the same answers.
 */
export class SchoolRowValidator {
  private readonly seen = new Set<string | number>();
  private readonly rules: CountryRules | undefined;
  private readonly codeRule: CountryRules['codes'][string] | undefined;

  constructor(
    private readonly mapping: Readonly<Record<string, string>>,
    countryCode: string,
    codeSystem: string,
  ) {
    this.rules = countryRules[countryCode];
    this.codeRule = this.rules?.codes[codeSystem];
  }

  validate(row: number, record: Readonly<Record<string, string>>): ValidatedRow {
    const problems: RowProblem[] = [];
    const get = (field: string): string => {
      const column = this.mapping[field];
      return column ? (record[column] ?? '').trim() : '';
    };
    const fail = (field: string, code: string, message: string, value?: string) =>
      problems.push({ row, column: this.mapping[field] ?? field, severity: 'error', code, message, value: value ?? get(field) });
    const code = this.checkCode(get('school_id_govt'), fail);
    const name = get('school_name');
    if (!name) fail('school_name', 'MISSING_NAME', 'The school name is empty.');
    const coordinates = validateCoordinates(row, get('latitude'), get('longitude'), this.rules, {
      lat: this.mapping.latitude ?? 'latitude',
      lon: this.mapping.longitude ?? 'longitude',
    });
    problems.push(...coordinates.problems);
    const values: Record<string, string | number | Record<string, string> | null> = { name };
    for (const [field, column] of Object.entries(columnOf)) {
      if (!this.mapping[field] || field === 'school_name') continue;
      const raw = get(field);
      const kind = fieldsByKey.get(field)?.kind;
      if (!raw) values[column] = null;
      else if (kind === 'integer') values[column] = this.count(raw, field, fail);
      else if (kind === 'ruralUrban') {
        values[column] = ruralUrban[raw.toLowerCase()] ?? null;
        if (!values[column])
          problems.push({
            row,
            column: this.mapping[field] ?? field,
            severity: 'warning',
            code: 'UNKNOWN_VALUE',
            message: 'Rural/urban should be 1 (rural), 2 (urban), rural or urban; left empty.',
            value: raw,
          });
      } else values[column] = raw;
    }
    for (const [prefix, column] of Object.entries(contacts)) {
      if (!this.mapping[`${prefix}_name`] && !this.mapping[`${prefix}_phone`]) continue;
      const contact: Record<string, string> = {};
      if (get(`${prefix}_name`)) contact.name = get(`${prefix}_name`);
      if (get(`${prefix}_phone`)) contact.phone = get(`${prefix}_phone`);
      values[column] = Object.keys(contact).length ? contact : null;
    }
    const declared = this.declared(get);
    if (declared) values.declared_areas = declared as Record<string, string>;
    if (problems.some((p) => p.severity === 'error') || code === null) return { school: null, problems };
    return {
      school: { row, code, lat: coordinates.lat, lon: coordinates.lon, hasLocation: coordinates.lat !== null, values },
      problems,
    };
  }

  private checkCode(code: string, fail: (field: string, code: string, message: string, value?: string) => void): string | null {
    if (!code) {
      fail('school_id_govt', 'MISSING_CODE', 'The school code is empty.');
      return null;
    }
    const rule = this.codeRule;
    if (rule && !rule.pattern.test(code)) {
      const lostZeros = rule.digits !== undefined && /^\d+$/.test(code) && code.length < rule.digits;
      const scientific = /^\d(\.\d+)?e\+?\d+$/i.test(code);
      const hint = lostZeros
        ? ` This looks like a number that lost its leading zero(s) in a spreadsheet: format the column as text and export again.`
        : scientific
          ? ' A spreadsheet wrote the code as a number in scientific notation: format the column as text and export again.'
          : '';
      fail('school_id_govt', 'CODE_FORMAT', `${rule.label}.${hint}`);
      return null;
    }
    const key = /^\d{1,15}$/.test(code) && !code.startsWith('0') ? Number(code) : code;
    if (this.seen.has(key)) {
      fail('school_id_govt', 'DUPLICATE_CODE', 'This code already appeared in an earlier row of the file; this row is refused.');
      return null;
    }
    this.seen.add(key);
    return code;
  }

  private count(raw: string, field: string, fail: (field: string, code: string, message: string) => void): number | null {
    const n = Number(raw);
    if (!Number.isFinite(n) || !Number.isInteger(n)) fail(field, 'NOT_AN_INTEGER', 'Counts must be whole numbers.');
    else if (n < 0) fail(field, 'NEGATIVE_COUNT', 'Counts cannot be negative.');
    else if (n > 2_000_000_000) fail(field, 'NOT_AN_INTEGER', 'The count is too large.');
    else return n;
    return null;
  }

  private declared(get: (field: string) => string): DeclaredAreas | null {
    const out: DeclaredAreas = {};
    for (const level of declaredLevels) {
      const entry: DeclaredLevel = {};
      for (const part of declaredParts) if (get(`${level}_${part}`)) entry[part] = get(`${level}_${part}`);
      if (Object.keys(entry).length) out[level] = entry;
    }
    const mapped = declaredLevels.some((level) => declaredParts.some((part) => this.mapping[`${level}_${part}`]));
    return mapped ? out : null;
  }
}
