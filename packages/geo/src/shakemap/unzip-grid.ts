import { unzipSync } from 'fflate';
import { GeoInputError } from '../errors.js';

export function isZip(bytes: Uint8Array): boolean {
  return bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;
}

function baseName(path: string): string {
  return path.slice(path.lastIndexOf('/') + 1).toLowerCase();
}

/**
 * USGS ships grid.xml zipped, sometimes beside uncertainty.xml. Picks `grid.xml` first, then the only XML
 * entry, then an entry ending in `grid.xml`; anything else is ambiguous and refused.
 */
export function extractGridXml(bytes: Uint8Array): { name: string; bytes: Uint8Array } {
  let entries: Record<string, Uint8Array>;
  try {
    entries = unzipSync(bytes, { filter: (f) => f.name.toLowerCase().endsWith('.xml') });
  } catch (err) {
    throw new GeoInputError('SHAKEMAP_GRID_INVALID', `The zip file cannot be read: ${err instanceof Error ? err.message : String(err)}`);
  }
  const names = Object.keys(entries);
  const pick =
    names.find((n) => baseName(n) === 'grid.xml') ??
    (names.length === 1 ? names[0] : undefined) ??
    (names.filter((n) => baseName(n).endsWith('grid.xml')).length === 1
      ? names.find((n) => baseName(n).endsWith('grid.xml'))
      : undefined);
  if (pick === undefined) {
    throw new GeoInputError(
      'SHAKEMAP_GRID_INVALID',
      names.length === 0 ? 'The zip file holds no XML file.' : `The zip file holds no grid.xml (found: ${names.join(', ')}).`,
    );
  }
  return { name: pick, bytes: entries[pick] ?? new Uint8Array() };
}
