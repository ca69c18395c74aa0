import { suggestLevel } from '../boundaries/boundary-options.js';
import type { BoundaryFile } from '../boundaries/read-boundary-file.js';
import type { GeneratorDistrict } from './generate-schools.js';

const STATE_NAMES = ['st_nm', 'stname', 'state_name', 'state', 'st_name'];
const LGD_CODES = ['dist_lgd', 'lgd_code', 'district_lgd', 'lgd'];

const text = (v: unknown) => (typeof v === 'string' || typeof v === 'number' ? String(v).trim() : '');
const prop = (properties: Record<string, unknown>, names: readonly string[]) => {
  const key = Object.keys(properties).find((k) => names.includes(k.toLowerCase()));
  return key ? text(properties[key]) : '';
};

/**
 * The districts of a boundary file (read with the importer's own reader), with the same property guesses the
 * boundary importer makes. `layer` picks a TopoJSON object; otherwise the first layer that looks like districts.
 */
export function districtsFromBoundaryFile(file: BoundaryFile, layer?: string): GeneratorDistrict[] {
  const candidates = layer ? file.layers.filter((l) => l.name === layer) : file.layers;
  if (layer && !candidates.length)
    throw new Error(`The file has no layer ${layer} (it has ${file.layers.map((l) => l.name).join(', ')}).`);
  for (const l of candidates) {
    const mapping = suggestLevel(l);
    if (mapping?.level !== 'district') continue;
    const out: GeneratorDistrict[] = [];
    for (const f of l.features) {
      if (!f.geometry) continue;
      const g = JSON.parse(f.geometry) as { type: string; coordinates: unknown };
      const coordinates = (g.type === 'Polygon' ? [g.coordinates] : g.coordinates) as GeneratorDistrict['coordinates'];
      const lgd = prop(f.properties, LGD_CODES);
      out.push({
        stateCode: text(f.properties[mapping.parentCode ?? '']),
        stateName: prop(f.properties, STATE_NAMES),
        districtCode: text(f.properties[mapping.code]),
        districtName: text(f.properties[mapping.name]),
        ...(lgd ? { lgd } : {}),
        coordinates,
      });
    }
    if (out.length) return out;
  }
  throw new Error('No layer of the file looks like districts (a district name and code on most features).');
}
