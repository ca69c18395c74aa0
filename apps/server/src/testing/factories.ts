import { sql } from 'drizzle-orm';
import { uuidv7 } from 'uuidv7';
import type { Role } from '@safeschools/domain';
import type { Database } from '../db/database.js';
import { areas, schools, users } from '../db/schema.js';
import { hashPassword } from '../domain/auth/passwords.js';

export const TEST_PASSWORD = 'correct horse battery staple';

let counter = 0;
const next = () => (counter += 1);

/** An area under `parent` (or a country when none), with its ancestor path filled in. */
export async function buildArea(
  database: Database,
  input: { name?: string; level?: 'country' | 'state' | 'district' | 'block'; parent?: { id: string; path: string[] }; codes?: Record<string, string> } = {},
): Promise<{ id: string; path: string[]; name: string }> {
  const id = uuidv7();
  const path = [...(input.parent?.path ?? []), id];
  const name = input.name ?? `Area ${next()}`;
  await database.db.insert(areas).values({
    id,
    parentId: input.parent?.id ?? null,
    level: input.level ?? (input.parent ? 'district' : 'country'),
    name,
    codes: input.codes ?? {},
    path,
  });
  return { id, path, name };
}

export async function buildSchool(
  database: Database,
  input: { area: { id: string; path: string[] }; name?: string; code?: string; lon?: number; lat?: number; girls?: number; boys?: number; typology?: string },
): Promise<{ id: string; name: string }> {
  const id = uuidv7();
  const name = input.name ?? `School ${next()}`;
  await database.db.insert(schools).values({
    id,
    name,
    code: input.code ?? String(10_000_000_000 + next()),
    codeSystem: 'udise',
    countryCode: 'IN',
    location: sql`ST_SetSRID(ST_MakePoint(${input.lon ?? 88.6}, ${input.lat ?? 27.3}), 4326)`,
    areaId: input.area.id,
    areaPath: input.area.path,
    enrolmentGirls: input.girls ?? null,
    enrolmentBoys: input.boys ?? null,
    typology: input.typology ?? null,
  });
  return { id, name };
}

export async function buildUser(
  database: Database,
  input: { role: Role; email?: string; areaIds?: string[]; schoolIds?: string[]; status?: 'active' | 'invited' | 'disabled'; password?: string },
): Promise<{ id: string; email: string; password: string }> {
  const id = uuidv7();
  const email = input.email ?? `user${next()}-${id.slice(-6)}@example.org`;
  const password = input.password ?? TEST_PASSWORD;
  await database.db.insert(users).values({
    id,
    email,
    name: email.split('@')[0]!,
    role: input.role,
    status: input.status ?? 'active',
    passwordHash: await hashPassword(password),
    scopeAreaIds: input.areaIds ?? [],
    scopeSchoolIds: input.schoolIds ?? [],
  });
  return { id, email, password };
}
