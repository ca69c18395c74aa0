/**
 * The fields a school import can fill, named after the Giga master schema where it has a name for them, with
 * the column names seen in the wild (Giga, UDISE+ GIS layers) as aliases for suggesting a mapping.
 */
export type FieldKind = 'text' | 'integer' | 'coordinate' | 'ruralUrban';

export interface SchoolField {
  readonly key: string;
  readonly kind: FieldKind;
  readonly aliases: readonly string[];
}

const f = (key: string, kind: FieldKind, ...aliases: string[]): SchoolField => ({ key, kind, aliases });

export const schoolFields: readonly SchoolField[] = [
  f('school_id_govt', 'text', 'schcd', 'udise_code', 'udise_sch_code', 'school_code', 'code'),
  f('school_name', 'text', 'schname', 'name', 'school'),
  f('latitude', 'coordinate', 'lat', 'y'),
  f('longitude', 'coordinate', 'lon', 'lng', 'long', 'x'),
  f('education_level', 'text', 'school_cat', 'school_category', 'category'),
  f('management', 'text', 'school_management', 'mgmt'),
  f('school_area_type', 'ruralUrban', 'rururb', 'rural_urban', 'area_type'),
  f('village', 'text', 'vilname', 'village_name'),
  f('postcode', 'text', 'pincode', 'pin_code', 'postal_code', 'zip'),
  f('enrolment_girls', 'integer', 'num_students_girls', 'girls'),
  f('enrolment_boys', 'integer', 'num_students_boys', 'boys'),
  f('enrolment_total', 'integer', 'num_students', 'enrolment', 'total_enrolment'),
  f('enrolment_other', 'integer', 'num_students_other'),
  f('enrolment_disabled_girls', 'integer', 'cwsn_girls'),
  f('enrolment_disabled_boys', 'integer', 'cwsn_boys'),
  f('teachers_female', 'integer', 'num_teachers_female', 'female_teachers'),
  f('teachers_male', 'integer', 'num_teachers_male', 'male_teachers'),
  f('num_classrooms', 'integer', 'classrooms', 'clrooms'),
  f('building_typology', 'text', 'typology'),
  f('water_availability', 'text', 'water', 'drinking_water'),
  f('electricity_availability', 'text', 'electricity', 'electric'),
  f('head_teacher_name', 'text', 'hm_name', 'headmaster_name'),
  f('head_teacher_phone', 'text', 'hm_phone', 'headmaster_phone'),
  f('focal_point_name', 'text', 'safety_focal_point_name'),
  f('focal_point_phone', 'text', 'safety_focal_point_phone'),
  f('state_name', 'text', 'stname', 'state'),
  f('state_lgd', 'text', 'state_lgd_code'),
  f('state_census2011', 'text', 'stcode11'),
  f('state_udise', 'text', 'udise_stco', 'udise_state_code'),
  f('district_name', 'text', 'dtname', 'district'),
  f('district_lgd', 'text', 'dist_lgd', 'district_lgd_code'),
  f('district_census2011', 'text', 'dtcode11'),
  f('district_udise', 'text', 'udise_dtco', 'udise_district_code'),
  f('block_name', 'text', 'blkname', 'block'),
  f('block_lgd', 'text', 'block_lgd_code'),
  f('block_udise', 'text', 'udise_blco', 'udise_block_code'),
];

export const fieldsByKey: ReadonlyMap<string, SchoolField> = new Map(schoolFields.map((x) => [x.key, x]));

/** Case, spaces, dashes and underscores do not distinguish column names. */
export const normaliseColumn = (name: string): string => name.toLowerCase().replace(/[^a-z0-9]/g, '');

/** Pseudo-columns a GeoJSON reader adds for the point geometry; preferred over properties named like coordinates. */
export const GEOMETRY_LON = 'geometry.lon';
export const GEOMETRY_LAT = 'geometry.lat';

/**
 * The mapping to use: the user's choices, then suggestions by name for fields they left out. A column the user
 * mapped is not suggested again for another field; unknown fields in the user's mapping are reported.
 */
export function suggestMapping(
  columns: readonly string[],
  given: Readonly<Record<string, string>>,
): { mapping: Record<string, string>; unknownFields: string[] } {
  const mapping: Record<string, string> = {};
  const unknownFields: string[] = [];
  const unmapped = new Set<string>();
  for (const [field, column] of Object.entries(given)) {
    if (!fieldsByKey.has(field)) unknownFields.push(field);
    // An empty column means "do not import this field": it is not suggested either.
    else if (column) mapping[field] = column;
    else unmapped.add(field);
  }
  const used = new Set(Object.values(mapping));
  const byNormal = new Map<string, string>();
  for (const c of columns) if (!byNormal.has(normaliseColumn(c))) byNormal.set(normaliseColumn(c), c);
  if (columns.includes(GEOMETRY_LON) && !mapping.longitude && !mapping.latitude && !unmapped.has('longitude')) {
    mapping.longitude = GEOMETRY_LON;
    mapping.latitude = GEOMETRY_LAT;
    used.add(GEOMETRY_LON).add(GEOMETRY_LAT);
  }
  for (const field of schoolFields) {
    if (mapping[field.key] || unmapped.has(field.key)) continue;
    for (const name of [field.key, ...field.aliases]) {
      const column = byNormal.get(normaliseColumn(name));
      if (column && !used.has(column)) {
        mapping[field.key] = column;
        used.add(column);
        break;
      }
    }
  }
  return { mapping, unknownFields };
}
