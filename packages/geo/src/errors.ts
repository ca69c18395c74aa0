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

/** A problem that did not stop the reader or the engine; shown to the user beside the result. */
export interface GeoWarning {
  code: string;
  message: string;
}

export function warn(warnings: GeoWarning[], code: string, message: string): void {
  warnings.push({ code, message });
}
