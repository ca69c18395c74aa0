/**
 * The `schools` columns an import may fill, with their SQL types. The import code and the SQL below both use
 * this list, so a column added here is read, compared and written everywhere at once.
 */
export const importedColumns = {
  name: 'text',
  education_level: 'text',
  management: 'text',
  rural_urban: 'text',
  village: 'text',
  postcode: 'text',
  enrolment_girls: 'integer',
  enrolment_boys: 'integer',
  enrolment_total: 'integer',
  enrolment_other: 'integer',
  enrolment_disabled_girls: 'integer',
  enrolment_disabled_boys: 'integer',
  teachers_female: 'integer',
  teachers_male: 'integer',
  classrooms: 'integer',
  typology: 'text',
  water: 'text',
  electricity: 'text',
  head_teacher: 'jsonb',
  safety_focal_point: 'jsonb',
  declared_areas: 'jsonb',
} as const;

export type ImportedColumn = keyof typeof importedColumns;
export const importedColumnNames = Object.keys(importedColumns) as ImportedColumn[];
