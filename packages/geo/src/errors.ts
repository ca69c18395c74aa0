/**
 * Stable codes for input the geo package refuses. Callers branch on `code`, never on the message; the HTTP
 * layer maps them to problem+json. Never rename or reuse a code.
 */
export type GeoErrorCode =
  | 'XML_UNSAFE'
  | 'XML_INVALID'
  | 'SHAKEMAP_GRID_INVALID'
  | 'CAP_INVALID'
  | 'CAP_FEED_INVALID'
  | 'USGS_FEED_INVALID'
  // CAP 1.2 rules whose breach makes a message unsafe to act on; see the table in cap/cap-rules.ts.
  | 'CAP_ELEMENT_MISSING'
  | 'CAP_VALUE_UNKNOWN'
  | 'CAP_IDENTIFIER_INVALID'
  | 'CAP_SENDER_INVALID'
  | 'CAP_DATETIME_INVALID'
  | 'CAP_REFERENCES_MISSING'
  | 'CAP_REFERENCE_INVALID'
  | 'POLYGON_NOT_CLOSED'
  | 'GEOJSON_INVALID'
  | 'POLYGON_INVALID'
  | 'CIRCLE_INVALID'
  | 'TRACK_INVALID'
  | 'TRACK_TOO_SHORT'
  | 'TRACK_NOT_FOUND'
  | 'TRACK_AMBIGUOUS'
  | 'FRAGILITY_INVALID'
  | 'INDEX_INVALID'
  | 'HAZARD_INVALID';

export class GeoInputError extends Error {
  readonly code: GeoErrorCode;

  constructor(code: GeoErrorCode, message: string) {
    super(message);
    this.name = 'GeoInputError';
    this.code = code;
  }
}

/**
 * Stable codes for what the readers and the engine noticed without refusing the input. Listed, not free text, so
 * the web app can prove every one has a translation (a code without one shows as a raw English sentence).
 */
export const geoWarningCodes = [
  'XML_ENCODING_MISMATCH',
  'XML_ENCODING_UNKNOWN',
  'CAP_VERSION_OLD',
  'CAP_VALUE_CASE',
  'CAP_VALUE_UNKNOWN',
  'CAP_SCOPE_INCOMPLETE',
  'CAP_INFO_INCOMPLETE',
  'CAP_AREA_NO_DESC',
  'CAP_GEOCODE_INVALID',
  'CAP_CIRCLE_ZERO_RADIUS',
  'CAP_NO_INFO',
  'POLYGON_CLOSED',
  'POLYGON_NOT_CHECKED',
  'POLYGON_SELF_INTERSECTS',
  'FOOTPRINT_INTENSITY_INVALID',
  'TRACK_ROW_INVALID',
  'TRACK_DUPLICATE_TIME',
  'SHAKEMAP_GRID_TRUNCATED',
  'FRAGILITY_NRML_VERSION',
  'FRAGILITY_SHAPE_ASSUMED',
  'FRAGILITY_IMT_UNAVAILABLE',
  'TYPOLOGY_UNMAPPED',
  'SCHOOL_COORDINATES_INVALID',
  'CIRCLE_RADIUS_RAISED',
  'SCHOOLS_WITHOUT_AREA',
  // Raised by the server while matching an alert to the registry, and stored with the event like the others.
  'CAP_GEOCODE_UNRESOLVED',
  'CAP_NO_AREA_GEOMETRY',
  'CAP_REFERENCE_UNKNOWN',
  // Feeds: a USGS feature left out; events made from a feed entry's own fields (see poll-feeds on the server).
  'USGS_FEATURE_INVALID',
  'EVENT_ESTIMATED',
  'EVENT_APPROXIMATE',
  'FEED_CAP_UNAVAILABLE',
] as const;
export type GeoWarningCode = (typeof geoWarningCodes)[number];

/**
 * A problem that did not stop the reader or the engine; shown to the user beside the result. A feed's warning may
 * carry the refusal code of one embedded alert it left out.
 */
export interface GeoWarning {
  code: GeoWarningCode | GeoErrorCode;
  message: string;
}

export function warn(warnings: GeoWarning[], code: GeoWarningCode, message: string): void {
  warnings.push({ code, message });
}
