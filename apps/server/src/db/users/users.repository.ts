import { and, desc, eq, ilike, isNull, lt, or, sql, type SQL } from 'drizzle-orm';
import type { Scope } from '@safeschools/domain';
import type { Executor } from '../database.js';
import { users } from '../schema.js';
import { usersVisibleTo } from '../scope/scope-filter.js';

export type UserRow = typeof users.$inferSelect;
export type NewUser = typeof users.$inferInsert;

export async function findUserByEmail(on: Executor, email: string): Promise<UserRow | undefined> {
  const rows = await on
    .select()
    .from(users)
    .where(and(sql`lower(${users.email}) = ${email.toLowerCase()}`, isNull(users.deletedAt)))
    .limit(1);
  return rows[0];
}

export async function findUserById(on: Executor, id: string): Promise<UserRow | undefined> {
  const rows = await on.select().from(users).where(eq(users.id, id)).limit(1);
  return rows[0];
}

/** A user the viewer may see, or undefined: out-of-scope users are indistinguishable from missing ones. */
export async function findVisibleUser(on: Executor, viewer: Scope, id: string): Promise<UserRow | undefined> {
  const rows = await on
    .select()
    .from(users)
    .where(and(eq(users.id, id), isNull(users.deletedAt), usersVisibleTo(viewer)))
    .limit(1);
  return rows[0];
}

export async function listVisibleUsers(
  on: Executor,
  viewer: Scope,
  filter: { q?: string; afterId?: string; sinceSeq?: number; limit: number },
): Promise<UserRow[]> {
  const where: (SQL | undefined)[] = [usersVisibleTo(viewer)];
  if (filter.sinceSeq !== undefined) {
    where.push(sql`${users.changeSeq} > ${filter.sinceSeq}`);
  } else {
    where.push(isNull(users.deletedAt));
    if (filter.afterId) where.push(lt(users.id, filter.afterId));
  }
  if (filter.q) {
    const like = `%${filter.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    where.push(or(ilike(users.email, like), ilike(users.name, like)));
  }
  const order = filter.sinceSeq !== undefined ? [users.changeSeq] : [desc(users.id)];
  return on.select().from(users).where(and(...where)).orderBy(...order).limit(filter.limit);
}

export async function insertUser(on: Executor, user: NewUser): Promise<UserRow> {
  const rows = await on.insert(users).values(user).returning();
  return rows[0]!;
}

/** Optimistic update: returns undefined when the row's version is no longer `expectedVersion`. */
export async function updateUser(
  on: Executor,
  id: string,
  expectedVersion: number,
  changes: Partial<Pick<UserRow, 'name' | 'role' | 'language' | 'status' | 'passwordHash' | 'scopeAreaIds' | 'scopeSchoolIds' | 'lastLoginAt' | 'phone' | 'channels'>>,
): Promise<UserRow | undefined> {
  const rows = await on
    .update(users)
    .set({ ...changes, version: sql`${users.version} + 1` })
    .where(and(eq(users.id, id), eq(users.version, expectedVersion)))
    .returning();
  return rows[0];
}

export async function countAdministrators(on: Executor): Promise<number> {
  const rows = await on
    .select({ n: sql<number>`count(*)`.mapWith(Number) })
    .from(users)
    .where(and(eq(users.role, 'administrator'), isNull(users.deletedAt)));
  return rows[0]?.n ?? 0;
}

export async function maxUserChangeSeq(on: Executor): Promise<number> {
  const rows = await on.select({ n: sql<number>`coalesce(max(${users.changeSeq}), 0)`.mapWith(Number) }).from(users);
  return rows[0]?.n ?? 0;
}

/** Not a change of the user's record, so the version stays: an admin's edit in flight does not conflict with it. */
export async function recordLogin(on: Executor, id: string, at: Date): Promise<void> {
  await on.update(users).set({ lastLoginAt: at }).where(eq(users.id, id));
}
