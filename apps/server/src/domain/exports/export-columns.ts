import type { AreaLabel, ExportSchoolRow } from '../../db/exports/schools-export.repository.js';

export type Cell = string | number | null;

export interface ExportColumn {
  header: string;
  /** HXL 1.1 hashtag with attributes (hxlstandard.org/standard/1-1final/dictionary). */
  hxl: string;
  value(row: ExportSchoolRow, areas: AreaLookup): Cell;
}

export type AreaLookup = (row: { area_path: readonly string[] }, level: string) => AreaLabel | undefined;

const areaName = (level: string) => (row: ExportSchoolRow, areas: AreaLookup) => areas(row, level)?.name ?? null;
const areaCode = (level: string) => (row: ExportSchoolRow, areas: AreaLookup) => {
  const codes = areas(row, level)?.codes;
  return codes ? (codes.lgd ?? codes.census2011 ?? codes.pcode ?? Object.values(codes)[0] ?? null) : null;
};

/** The registry's columns, Giga master-schema names where they exist, each with its HXL hashtag. */
export const exportColumns: readonly ExportColumn[] = [
  { header: 'school_id', hxl: '#meta+id', value: (r) => r.id },
  { header: 'school_id_govt', hxl: '#loc+code', value: (r) => r.code },
  { header: 'code_system', hxl: '#meta+code_system', value: (r) => r.code_system },
  { header: 'school_name', hxl: '#loc+name', value: (r) => r.name },
  { header: 'latitude', hxl: '#geo+lat', value: (r) => r.lat },
  { header: 'longitude', hxl: '#geo+lon', value: (r) => r.lon },
  { header: 'admin1', hxl: '#adm1+name', value: areaName('state') },
  { header: 'admin1_code', hxl: '#adm1+code', value: areaCode('state') },
  { header: 'admin2', hxl: '#adm2+name', value: areaName('district') },
  { header: 'admin2_code', hxl: '#adm2+code', value: areaCode('district') },
  { header: 'admin3', hxl: '#adm3+name', value: areaName('block') },
  { header: 'admin3_code', hxl: '#adm3+code', value: areaCode('block') },
  { header: 'education_level', hxl: '#meta+education_level', value: (r) => r.education_level },
  { header: 'school_establishment_type', hxl: '#org+type', value: (r) => r.management },
  { header: 'rural_urban', hxl: '#loc+type', value: (r) => r.rural_urban },
  { header: 'enrolment_girls', hxl: '#population+enrolled+f', value: (r) => r.enrolment_girls },
  { header: 'enrolment_boys', hxl: '#population+enrolled+m', value: (r) => r.enrolment_boys },
  { header: 'enrolment_total', hxl: '#population+enrolled+total', value: (r) => r.enrolment_total },
  { header: 'teachers_female', hxl: '#population+teachers+f', value: (r) => r.teachers_female },
  { header: 'teachers_male', hxl: '#population+teachers+m', value: (r) => r.teachers_male },
  { header: 'num_classrooms', hxl: '#meta+classrooms', value: (r) => r.classrooms },
  { header: 'building_typology', hxl: '#meta+typology', value: (r) => r.typology },
  { header: 'water_availability', hxl: '#meta+water', value: (r) => r.water },
  { header: 'electricity_availability', hxl: '#meta+electricity', value: (r) => r.electricity },
];

/** Resolves a school's area at a level from its ancestor path. */
export function areaLookup(labels: readonly AreaLabel[]): AreaLookup {
  const byId = new Map(labels.map((a) => [a.id, a]));
  return (row, level) => {
    for (const id of row.area_path) {
      const area = byId.get(id);
      if (area?.level === level) return area;
    }
    return undefined;
  };
}
