import type { TFunction } from 'i18next';
import type { ImportKind, Mapping } from './types';

/**
 * The school fields offered in the mapping table even when the server found no column for them, so the user
 * can pick one. Keys are the server's (`school-fields.ts`); any other key the server returns is shown too.
 */
const schoolFields = [
  'school_id_govt',
  'school_name',
  'latitude',
  'longitude',
  'education_level',
  'management',
  'school_area_type',
  'village',
  'postcode',
  'enrolment_girls',
  'enrolment_boys',
  'enrolment_total',
  'teachers_female',
  'teachers_male',
  'num_classrooms',
  'building_typology',
  'district_name',
  'district_lgd',
  'state_name',
  'state_lgd',
] as const;

/** The fields of the mapping table: those the server mapped first, then the other known fields of the kind. */
export function mappingFields(kind: ImportKind, mapping: Mapping): string[] {
  const fields = Object.keys(mapping);
  if (kind === 'schools') for (const field of schoolFields) if (!fields.includes(field)) fields.push(field);
  return fields;
}

/**
 * The translated label of a target field; the raw key when it has no translation. Catalogue keys are the
 * camelCase of the field (`enrolment_girls` → `enrolmentGirls`): a key ending in `_other` would otherwise be
 * read by i18next as a plural form.
 */
export function fieldLabel(t: TFunction, field: string): string {
  // A field name with a dot or colon is not looked up: it could reach into another part of the catalogue.
  if (!/^\w+$/.test(field)) return field;
  const key = field.replace(/_([a-z0-9])/g, (_, c: string) => c.toUpperCase());
  return t(`imports.fields.${key}`, { defaultValue: field });
}
