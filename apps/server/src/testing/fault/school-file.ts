import type { SeededRandom } from './seeded-random.js';

/** One generated school, as the file gives it and the registry must keep it. */
export interface GeneratedSchool {
  code: string;
  name: string;
  lat: number;
  lon: number;
}

export interface SchoolFile {
  name: string;
  csv: string;
  schools: GeneratedSchool[];
}

/**
 * A school registry file of `rows` new schools: 11-digit UDISE+-like codes from `firstCode` on (so several files of
 * one run never share a code), points inside India's box (lon 68-98, lat 6-38) with 5 decimals, Giga column names.
 */
export function generateSchoolFile(
  random: SeededRandom,
  rows: number,
  firstCode: number,
  name = `schools-${firstCode}.csv`,
): SchoolFile {
  const schools: GeneratedSchool[] = [];
  const lines = ['school_id_govt,school_name,latitude,longitude'];
  for (let i = 0; i < rows; i++) {
    const code = String(firstCode + i).padStart(11, '0');
    const school = {
      code,
      name: `Fault School ${code}`,
      lat: Math.round(random.between(6.5, 37.5) * 1e5) / 1e5,
      lon: Math.round(random.between(68.5, 97.5) * 1e5) / 1e5,
    };
    schools.push(school);
    lines.push(`${school.code},${school.name},${school.lat.toFixed(5)},${school.lon.toFixed(5)}`);
  }
  return { name, csv: `${lines.join('\n')}\n`, schools };
}
