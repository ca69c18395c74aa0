import type { SQL } from 'drizzle-orm';
import type { PgDatabase, PgQueryResultHKT, PgTransaction } from 'drizzle-orm/pg-core';
import type { ExtractTablesWithRelations } from 'drizzle-orm';
import type * as schema from './schema.js';

export type Schema = typeof schema;
export type Db = PgDatabase<PgQueryResultHKT, Schema>;
export type Tx = PgTransaction<PgQueryResultHKT, Schema, ExtractTablesWithRelations<Schema>>;
/** Anything queries can run on: the database itself or an open transaction. */
export type Executor = Db | Tx;

export type DatabaseKind = 'pglite' | 'postgresql';

/**
 * The one place where the two drivers meet. Repositories use `db` (drizzle) or `rows` (tagged SQL); neither
 * needs to know which driver runs underneath.
 */
export interface Database {
  readonly kind: DatabaseKind;
  /**
   * This process among those sharing the database, made when it is opened: on PostgreSQL every connection carries
   * it in `application_name`, so the instance is alive exactly while one of its connections is
   * (db/instances/live-instances.repository.ts). Running imports and jobs record it.
   */
  readonly instanceId: string;
  readonly db: Db;
  /** Rows of a tagged-SQL query, with driver differences (int8, bytea, timestamps) already evened out. */
  rows<T extends Record<string, unknown>>(query: SQL, on?: Executor): Promise<T[]>;
  /** Several statements without parameters, as migrations need. */
  execScript(script: string): Promise<void>;
  /** A parameterised statement outside drizzle, for libraries that bring their own SQL (pg-boss). */
  rawQuery(text: string, values?: readonly unknown[]): Promise<{ rows: Record<string, unknown>[] }>;
  close(): Promise<void>;
}

/** int8 arrives as a string from node-postgres and a number from PGlite; bytea as Buffer or Uint8Array. */
export function normaliseValue(value: unknown): unknown {
  if (typeof value === 'bigint') return Number(value);
  if (typeof Buffer !== 'undefined' && Buffer.isBuffer(value)) return new Uint8Array(value);
  return value;
}

export function normaliseRow<T extends Record<string, unknown>>(row: Record<string, unknown>): T {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(row)) out[key] = normaliseValue(value);
  return out as T;
}

/** Rows from drizzle's `execute`, whose result shape differs per driver. */
export function rowsOf(result: unknown): Record<string, unknown>[] {
  if (Array.isArray(result)) return result as Record<string, unknown>[];
  const rows = (result as { rows?: unknown }).rows;
  return Array.isArray(rows) ? (rows as Record<string, unknown>[]) : [];
}
