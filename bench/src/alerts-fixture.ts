import { sql } from 'drizzle-orm';
import type { Database } from '../../apps/server/src/db/database.js';

/**
 * The alerting benchmarks' registry, written set-based (a few INSERT … SELECT, not one API call per school):
 * a country, a state, `districts` districts with one district officer each (role district_officer, scope that
 * district, e-mail only), and `schools` schools spread evenly over them, each with a safety focal point and a
 * head teacher in the registry (name and an e-mail address at example.org, no phone: e-mail is their one channel).
 */
export interface AlertsFixture {
  countryId: string;
  districtIds: string[];
  schools: number;
  officers: number;
}

export async function seedAlertsRegistry(
  database: Database,
  opts: { schools: number; districts: number },
): Promise<AlertsFixture> {
  await database.execScript(`
    CREATE TEMP TABLE IF NOT EXISTS bench_ids (k text PRIMARY KEY, id uuid NOT NULL);
    INSERT INTO bench_ids VALUES ('country', gen_random_uuid()), ('state', gen_random_uuid()) ON CONFLICT DO NOTHING;
  `);
  const [ids] = await database.rows<{ country: string; state: string }>(
    sql`SELECT (SELECT id::text FROM bench_ids WHERE k = 'country') AS country, (SELECT id::text FROM bench_ids WHERE k = 'state') AS state`,
  );
  const country = ids!.country;
  const state = ids!.state;
  await database.rows(
    sql`INSERT INTO areas (id, parent_id, level, name, path)
        VALUES (${country}::uuid, NULL, 'country', 'Bench country', ARRAY[${country}::uuid]),
               (${state}::uuid, ${country}::uuid, 'state', 'Bench state', ARRAY[${country}::uuid, ${state}::uuid])`,
  );
  const districts = await database.rows<{ id: string }>(
    sql`INSERT INTO areas (id, parent_id, level, name, path)
        SELECT d.id, ${state}::uuid, 'district', 'Bench district ' || d.n, ARRAY[${country}::uuid, ${state}::uuid, d.id]
        FROM (SELECT gen_random_uuid() AS id, n FROM generate_series(1, ${opts.districts}) n) d
        RETURNING id::text AS id`,
  );
  const districtIds = districts.map((d) => d.id);
  // Schools: district by n modulo the number of districts, points on a small grid inside a box in Bihar.
  await database.rows(
    sql`WITH d AS (SELECT id, path, row_number() OVER (ORDER BY id) - 1 AS k FROM areas WHERE level = 'district' AND parent_id = ${state}::uuid)
        INSERT INTO schools (id, name, code, code_system, country_code, location, area_id, area_path, placement,
                             enrolment_girls, enrolment_boys, enrolment_total, safety_focal_point, head_teacher)
        SELECT gen_random_uuid(), 'Bench school ' || n, (20000000000 + n)::text, 'udise', 'IN',
               ST_SetSRID(ST_MakePoint(84 + (n % 100) * 0.02, 25 + (n / 100) * 0.02), 4326), d.id, d.path, 'matched',
               50 + n % 100, 50 + n % 90, 100 + n % 100 + n % 90,
               jsonb_build_object('name', 'Focal point ' || n, 'email', 'focal' || n || '@example.org'),
               jsonb_build_object('name', 'Head teacher ' || n, 'email', 'head' || n || '@example.org')
        FROM generate_series(1, ${opts.schools}) n JOIN d ON d.k = n % ${opts.districts}`,
  );
  await database.rows(
    sql`INSERT INTO users (id, email, name, role, language, status, scope_area_ids)
        SELECT gen_random_uuid(), 'officer' || k || '@example.org', 'District officer ' || k, 'district_officer',
               CASE WHEN k % 3 = 0 THEN 'en' ELSE 'hi' END, 'active', ARRAY[d.id]
        FROM (SELECT id, row_number() OVER (ORDER BY id) AS k FROM areas WHERE level = 'district' AND parent_id = ${state}::uuid) d`,
  );
  await database.execScript('ANALYZE areas; ANALYZE schools; ANALYZE users;');
  return { countryId: country, districtIds, schools: opts.schools, officers: districtIds.length };
}

/**
 * An actual CAP event (severity Extreme) reaching `limit` schools of the fixture at band 2 — what the built-in rule
 * calls for — written straight into hazard_events / hazard_event_schools as the impact engine would leave them.
 */
export async function seedAlertEvent(database: Database, title: string, limit: number): Promise<string> {
  const [event] = await database.rows<{ id: string }>(
    sql`INSERT INTO hazard_events (id, kind, source_keys, title, status, hazard_type, severity, urgency, certainty, imt, bands,
                                   details, summary, computed_at)
        VALUES (gen_random_uuid(), 'cap', ARRAY['bench:' || gen_random_uuid()::text], ${title}::text, 'actual', 'cyclone', 'Extreme',
                'Immediate', 'Observed', 'INSIDE', '{1,2}', jsonb_build_object('headline', ${title}::text),
                jsonb_build_object('schools', ${limit}::int), now())
        RETURNING id::text AS id`,
  );
  const id = event!.id;
  await database.rows(
    sql`INSERT INTO hazard_event_schools (event_id, school_id, district_id, intensity, band, girls, boys, children)
        SELECT ${id}::uuid, s.id, s.area_id, 2, 2, s.enrolment_girls, s.enrolment_boys, s.enrolment_total
        FROM schools s WHERE s.name LIKE 'Bench school %' ORDER BY s.code LIMIT ${limit}`,
  );
  await database.execScript('ANALYZE hazard_event_schools;');
  return id;
}
