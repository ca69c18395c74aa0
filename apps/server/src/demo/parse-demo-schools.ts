export interface DemoSchool {
  code: string;
  name: string;
  category: string;
  management: string;
  lon: number;
  lat: number;
  districtLgd: string;
  ruralUrban: 'rural' | 'urban' | null;
}

/** The demo file is ours and tab-separated (no field holds a tab), so a split is enough; bad lines throw. */
export function parseDemoSchools(text: string): DemoSchool[] {
  const [header, ...lines] = text.trim().split(/\r?\n/);
  if (header !== 'udise_code\tname\tcategory\tmanagement\trural_urban\tlon\tlat\tdistrict_lgd') throw new Error('unexpected demo file header');
  return lines.map((line, i) => {
    const cells = line.split('\t');
    if (cells.length !== 8) throw new Error(`demo file line ${i + 2}: expected 8 columns, found ${cells.length}`);
    const [code, name, category, management, ruralUrban, lon, lat, districtLgd] = cells as [string, string, string, string, string, string, string, string];
    const x = Number(lon);
    const y = Number(lat);
    if (!Number.isFinite(x) || !Number.isFinite(y)) throw new Error(`demo file line ${i + 2}: bad coordinates`);
    const setting = ruralUrban === 'rural' || ruralUrban === 'urban' ? ruralUrban : null;
    return { code, name, category, management, lon: x, lat: y, districtLgd, ruralUrban: setting };
  });
}
