import { readFile } from 'node:fs/promises';
import { eq, sql } from 'drizzle-orm';
import { uuidv7 } from 'uuidv7';
import type { Database } from '../db/database.js';
import { areas, auditLog, schools } from '../db/schema.js';
import { parseDemoSchools } from './parse-demo-schools.js';

const demoFile = new URL('../../demo/sikkim-schools.tsv', import.meta.url);

// LGD district codes with their Census 2011 codes (Local Government Directory, GODL-India).
const sikkimDistricts = [
  { lgd: '225', census2011: '244', name: 'Gangtok' },
  { lgd: '226', census2011: '241', name: 'Mangan' },
  { lgd: '227', census2011: '243', name: 'Namchi' },
  { lgd: '228', census2011: '242', name: 'Gyalshing' },
  { lgd: '741', census2011: '', name: 'Pakyong' },
  { lgd: '742', census2011: '', name: 'Soreng' },
];

function districtCodes(d: { lgd: string; census2011: string }): Record<string, string> {
  return d.census2011 ? { lgd: d.lgd, census2011: d.census2011 } : { lgd: d.lgd };
}

/**
 * Loads the demo registry once per database (remembered in the audit log, so deleting the demo schools does
 * not bring them back). Returns what was loaded, or null when it had been loaded before.
 */
export async function seedDemoData(database: Database, now = new Date()): Promise<{ areas: number; schools: number } | null> {
  const rows = parseDemoSchools(await readFile(demoFile, 'utf8'));
  return database.db.transaction(async (tx) => {
    const done = await tx.select({ id: auditLog.id }).from(auditLog).where(eq(auditLog.action, 'demo.seed')).limit(1);
    if (done.length) return null;
    const india = uuidv7();
    const sikkim = uuidv7();
    const districtIds = new Map(sikkimDistricts.map((d) => [d.lgd, uuidv7()]));
    await tx.insert(areas).values([
      { id: india, level: 'country', name: 'India', names: { hi: 'भारत', ja: 'インド' }, codes: { iso3166: 'IN' }, path: [india], countryCode: 'IN' },
      { id: sikkim, parentId: india, level: 'state', name: 'Sikkim', names: { hi: 'सिक्किम', ja: 'シッキム州' }, codes: { lgd: '11', census2011: '11' }, path: [india, sikkim], countryCode: 'IN' },
      ...sikkimDistricts.map((d) => ({
        id: districtIds.get(d.lgd)!,
        parentId: sikkim,
        level: 'district',
        name: d.name,
        codes: districtCodes(d),
        path: [india, sikkim, districtIds.get(d.lgd)!],
        countryCode: 'IN',
      })),
    ]);
    const values = rows.map((r) => {
      const district = districtIds.get(r.districtLgd);
      return {
        id: uuidv7(),
        code: r.code,
        codeSystem: 'udise',
        countryCode: 'IN',
        name: r.name,
        location: sql`ST_SetSRID(ST_MakePoint(${r.lon}, ${r.lat}), 4326)`,
        areaId: district ?? sikkim,
        areaPath: district ? [india, sikkim, district] : [india, sikkim],
        educationLevel: r.category,
        management: r.management,
        ruralUrban: r.ruralUrban,
        placement: 'declared_only',
        declaredAreas: { district_lgd: r.districtLgd },
        // A made-up work address at example.org (reserved, RFC 2606: it reaches nobody), so an alert can be tried end
        // to end on a laptop: its messages land in the outbox viewer. No phone numbers: a made-up one could be real.
        safetyFocalPoint: { name: `Safety focal point ${r.code}`, email: `focal-point.${r.code}@example.org` },
      };
    });
    for (let i = 0; i < values.length; i += 500) await tx.insert(schools).values(values.slice(i, i + 500));
    await tx.insert(auditLog).values({ id: uuidv7(), at: now, action: 'demo.seed', entity: 'registry', entityId: null, details: { schools: values.length } });
    return { areas: 2 + sikkimDistricts.length, schools: values.length };
  });
}

