import type { SQL } from 'drizzle-orm';
import { PgDialect } from 'drizzle-orm/pg-core';
import type { Database } from '../../apps/server/src/db/database.js';

/**
 * Counts and times the tagged-SQL statements (`database.rows`) by their first words, to say which statement a
 * phase spends its time in. Times are wall time from call to answer: with statements running at once they include
 * waiting for a connection (PostgreSQL pool) or for the one connection (PGlite), so the counts are the firm part.
 */
export interface QueryTrace {
  /** The statements since the last call, most time first, as lines. */
  take(top?: number): string[];
  stop(): void;
}

export function traceQueries(database: Database): QueryTrace {
  const dialect = new PgDialect();
  const stats = new Map<string, { n: number; ms: number }>();
  const original = database.rows.bind(database);
  const traced: Database['rows'] = async (query, on) => {
    const t = performance.now();
    try {
      return await original(query, on);
    } finally {
      const key = label(dialect, query);
      const s = stats.get(key) ?? { n: 0, ms: 0 };
      s.n += 1;
      s.ms += performance.now() - t;
      stats.set(key, s);
    }
  };
  (database as { rows: Database['rows'] }).rows = traced;
  return {
    take(top = 12) {
      const lines = [...stats]
        .sort((a, b) => b[1].ms - a[1].ms)
        .slice(0, top)
        .map(([k, s]) => `${s.n.toString().padStart(7)} × ${s.ms.toFixed(0).padStart(7)} ms  ${k}`);
      stats.clear();
      return lines;
    },
    stop() {
      (database as { rows: Database['rows'] }).rows = original;
    },
  };
}

function label(dialect: PgDialect, query: SQL): string {
  try {
    return dialect.sqlToQuery(query).sql.replace(/\s+/g, ' ').trim().slice(0, 110);
  } catch {
    return '(unreadable statement)';
  }
}
