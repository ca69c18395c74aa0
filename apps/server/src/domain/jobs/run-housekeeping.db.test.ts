import { uuidv7 } from 'uuidv7';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../db/database.js';
import { passwordResets } from '../../db/schema.js';
import { buildUser } from '../../testing/factories.js';
import { createTestDatabase } from '../../testing/test-database.js';
import { runHousekeeping } from './run-housekeeping.js';

let database: Database;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(() => database.close());

describe('housekeeping', () => {
  it('deletes password-reset links a day after they expired, and keeps younger ones', async () => {
    const user = await buildUser(database, { role: 'viewer' });
    const now = new Date();
    const hour = 3_600_000;
    const old = { id: uuidv7(), userId: user.id, tokenHash: `old-${uuidv7()}`, expiresAt: new Date(now.getTime() - 25 * hour) };
    const recent = { id: uuidv7(), userId: user.id, tokenHash: `recent-${uuidv7()}`, expiresAt: new Date(now.getTime() - hour) };
    await database.db.insert(passwordResets).values([old, recent]);
    await runHousekeeping(database, now);
    const left = await database.db.select({ id: passwordResets.id }).from(passwordResets);
    expect(left.map((r) => r.id)).toEqual([recent.id]);
  });
});
