import type { GeoWarning } from '../errors.js';
import { parseXmlBytes } from '../xml/parse-xml.js';
import type { CapResult } from './cap-types.js';
import { readCapElement } from './read-cap-element.js';

/**
 * Reads one CAP 1.2 alert (1.1 and 1.0 accepted with a CAP_VERSION_OLD warning, and held to the 1.2 rules).
 * Every info block and area is returned; polygons and circles are converted to [lon, lat]. An alert without
 * info is valid CAP and is returned with `infos: []` and a CAP_NO_INFO warning. A message breaking a CAP rule
 * that makes it unsafe to act on (an Update naming nothing, an open polygon...) throws a GeoInputError with
 * the rule's code; cosmetic breaks are warnings. The table of rules is in cap-rules.ts.
 */
export function readCap(input: Uint8Array | string): CapResult {
  const warnings: GeoWarning[] = [];
  const root = parseXmlBytes(input, 'CAP_INVALID', warnings);
  const alert = readCapElement(root, warnings);
  return { alert, warnings };
}
