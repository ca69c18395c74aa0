import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { uuidv7 } from 'uuidv7';
import type { Database } from './database.js';
import { migrate, readMigrations } from './migrate.js';
import { createTestDatabase } from '../testing/test-database.js';
import { buildArea, buildSchool } from '../testing/factories.js';

const MIGRATION = '20261208_0010_enrolment_known.sql';

let database: Database;

/**
 * Puts a migrated database back as it was before 0010: the counts without their schools-with-a-figure columns and
 * kept by 0004's trigger (which counts a missing enrolment as 0), affected schools with 0 for an unknown enrolment.
 * A later migration that builds on 0010 has to be undone here first.
 */
async function before0010(): Promise<void> {
  const migrations = await readMigrations();
  const registrySpeed = migrations.find((m) => m.name.endsWith('_0004_registry_speed.sql'))!.script;
  const trigger = /CREATE FUNCTION area_school_counts_apply\(\)[\s\S]*?END \$\$;/.exec(registrySpeed)![0];
  await database.execScript(`
    DELETE FROM schema_migrations WHERE name = '${MIGRATION}';
    ALTER TABLE area_school_counts DROP COLUMN schools_with_children, DROP COLUMN schools_with_girls, DROP COLUMN schools_with_boys;
    ${trigger.replace('CREATE FUNCTION', 'CREATE OR REPLACE FUNCTION')}
    ALTER TABLE hazard_event_schools
      ALTER COLUMN girls SET DEFAULT 0, ALTER COLUMN girls SET NOT NULL,
      ALTER COLUMN boys SET DEFAULT 0, ALTER COLUMN boys SET NOT NULL,
      ALTER COLUMN children SET DEFAULT 0, ALTER COLUMN children SET NOT NULL;
    DROP FUNCTION school_children(integer, integer, integer, integer);
  `);
}

interface Counts extends Record<string, unknown> {
  schools: number;
  children: number;
  girls: number;
  boys: number;
  schools_with_children: number;
  schools_with_girls: number;
  schools_with_boys: number;
}

async function counts(areaId: string): Promise<Counts | undefined> {
  const [row] = await database.rows<Counts>(
    sql`SELECT schools, children, girls, boys, schools_with_children, schools_with_girls, schools_with_boys FROM area_school_counts WHERE area_id = ${areaId}`,
  );
  return row;
}

const ids = { district: '', full: '', totalOnly: '', girlsOnly: '', none: '', event: '', emptyEvent: '' };

beforeAll(async () => {
  database = await createTestDatabase();
  await before0010();
  // The before-state: schools with and without an enrolment, counted by the old trigger; an event stored with 0s.
  const country = await buildArea(database, { name: 'India', level: 'country' });
  const district = await buildArea(database, { name: 'North Sikkim', level: 'district', parent: country });
  ids.district = district.id;
  ids.full = (await buildSchool(database, { area: district, girls: 100, boys: 90 })).id;
  ids.totalOnly = (await buildSchool(database, { area: district })).id;
  await database.rows(sql`UPDATE schools SET enrolment_total = 50 WHERE id = ${ids.totalOnly}`);
  ids.girlsOnly = (await buildSchool(database, { area: district, girls: 30 })).id;
  ids.none = (await buildSchool(database, { area: district })).id;
  ids.event = uuidv7();
  ids.emptyEvent = uuidv7();
  const summary = (schools: number, children: number, girls: number, boys: number) =>
    JSON.stringify({ schools, children, girls, boys, expectedByDamageState: [] });
  await database.rows(
    sql`INSERT INTO hazard_events (id, kind, title, imt, computed_at, summary) VALUES
          (${ids.event}, 'scenario', 'M 7 scenario', 'MMI', now(), ${summary(3, 240, 100, 90)}::jsonb),
          (${ids.emptyEvent}, 'cap', 'Alert far away', 'INSIDE', now(), ${summary(0, 0, 0, 0)}::jsonb)`,
  );
  await database.rows(
    sql`INSERT INTO hazard_event_schools (event_id, school_id, district_id, intensity, band, girls, boys, children) VALUES
          (${ids.event}, ${ids.full}, ${ids.district}, 7, 3, 100, 90, 190),
          (${ids.event}, ${ids.totalOnly}, ${ids.district}, 6, 2, 0, 0, 50),
          (${ids.event}, ${ids.none}, ${ids.district}, 6, 2, 0, 0, 0)`,
  );
});
afterAll(() => database.close());

describe(`migration ${MIGRATION}`, () => {
  it('starts from counts that took a missing enrolment for 0 children', async () => {
    expect(
      await database.rows(sql`SELECT children, girls, boys FROM area_school_counts WHERE area_id = ${ids.district}`),
    ).toEqual([{ children: 270, girls: 130, boys: 90 }]);
  });

  it('applies alone, and recounts each area with the schools each sum covers', async () => {
    expect(await migrate(database)).toEqual([MIGRATION]);
    // Children: 190 + 50 (a total alone); girls only is no longer a child count, nothing is not 0 children.
    expect(await counts(ids.district)).toEqual({
      schools: 4,
      children: 240,
      girls: 130,
      boys: 90,
      schools_with_children: 2,
      schools_with_girls: 2,
      schools_with_boys: 1,
    });
  });

  it('keeps the new counts through later writes', async () => {
    await database.rows(sql`UPDATE schools SET enrolment_boys = 5 WHERE id = ${ids.girlsOnly}`);
    await database.rows(sql`UPDATE schools SET deleted_at = now() WHERE id = ${ids.full}`);
    expect(await counts(ids.district)).toMatchObject({
      schools: 3,
      children: 85,
      girls: 30,
      boys: 5,
      schools_with_children: 2,
      schools_with_girls: 1,
      schools_with_boys: 1,
    });
  });

  it('turns the 0 stored for an unknown enrolment of an affected school into NULL, keeping real figures', async () => {
    const rows = await database.rows<{ school_id: string; girls: number | null; boys: number | null; children: number | null }>(
      sql`SELECT school_id::text AS school_id, girls, boys, children FROM hazard_event_schools WHERE event_id = ${ids.event}`,
    );
    const bySchool = new Map(rows.map((r) => [r.school_id, r]));
    expect(bySchool.get(ids.full)).toMatchObject({ girls: 100, boys: 90, children: 190 });
    expect(bySchool.get(ids.totalOnly)).toMatchObject({ girls: null, boys: null, children: 50 });
    expect(bySchool.get(ids.none)).toMatchObject({ girls: null, boys: null, children: null });
  });

  it('rewrites each event\u2019s stored totals to say what they cover', async () => {
    const summaries = new Map(
      (
        await database.rows<{ id: string; summary: Record<string, unknown> }>(
          sql`SELECT id::text AS id, summary FROM hazard_events`,
        )
      ).map((r) => [r.id, r.summary]),
    );
    expect(summaries.get(ids.event)).toEqual({
      schools: 3,
      children: { total: 240, schoolsWithFigure: 2, schoolsWithoutFigure: 1 },
      girls: { total: 100, schoolsWithFigure: 1, schoolsWithoutFigure: 2 },
      boys: { total: 90, schoolsWithFigure: 1, schoolsWithoutFigure: 2 },
      expectedByDamageState: [],
    });
    // No affected school: a known 0, covering no school.
    expect(summaries.get(ids.emptyEvent)).toMatchObject({
      schools: 0,
      children: { total: 0, schoolsWithFigure: 0, schoolsWithoutFigure: 0 },
    });
  });
});
