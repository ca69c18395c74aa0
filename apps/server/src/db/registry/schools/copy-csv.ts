import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { from as copyFrom } from 'pg-copy-streams';
import type { Database, Executor } from '../../database.js';

interface PgliteTransaction {
  query(text: string, params: unknown[], options: { blob: Blob }): Promise<unknown>;
}
interface PgClient {
  query(stream: ReturnType<typeof copyFrom>): ReturnType<typeof copyFrom>;
}

/**
 * The driver's own connection behind an open drizzle transaction. drizzle has no COPY, and COPY into a TEMP table
 * must run on the transaction's connection, so this reads drizzle's session (runtime-stable in 0.45, private in
 * its types); the importer tests run it on both drivers.
 */
function clientOf(tx: Executor): unknown {
  const client = (tx as unknown as { session?: { client?: unknown } }).session?.client;
  if (!client || typeof (client as { query?: unknown }).query !== 'function')
    throw new Error('COPY needs an open transaction on a known driver');
  return client;
}

// Characters that make COPY's CSV reader treat a value as more than plain text; a backslash is quoted too, since
// `\.` alone on a line ends the data.
const SPECIAL = /[",\r\n\\]/;

/**
 * A CSV value: empty and unquoted is NULL, an empty string quoted (so it stays a string), anything else quoted
 * only when it must be, which is most of the cost of writing a batch when every value is.
 */
export function csvValue(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  const text = typeof value === 'string' ? value : JSON.stringify(value);
  if (text === '') return '""';
  return SPECIAL.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/**
 * Loads CSV lines (each ending in a newline) into `table` by COPY inside the transaction `tx`: FROM STDIN on
 * PostgreSQL, FROM '/dev/blob' on PGlite. `table` and `columns` are identifiers chosen by the caller, never input.
 */
export async function copyCsv(
  database: Database,
  tx: Executor,
  table: string,
  columns: readonly string[],
  lines: readonly string[],
): Promise<void> {
  if (lines.length === 0) return;
  const target = `${table} (${columns.map((c) => `"${c}"`).join(', ')})`;
  const client = clientOf(tx);
  if (database.kind === 'pglite') {
    await (client as PgliteTransaction).query(`COPY ${target} FROM '/dev/blob' WITH (FORMAT csv)`, [], {
      blob: new Blob(lines as string[]),
    });
    return;
  }
  await pipeline(
    Readable.from(chunks(lines)),
    (client as PgClient).query(copyFrom(`COPY ${target} FROM STDIN WITH (FORMAT csv)`)),
  );
}

/** Lines joined into chunks of about 64 KB: one COPY message each instead of one per line. */
function* chunks(lines: readonly string[]): Generator<string> {
  let parts: string[] = [];
  let size = 0;
  for (const line of lines) {
    parts.push(line);
    size += line.length;
    if (size >= 65_536) {
      yield parts.join('');
      parts = [];
      size = 0;
    }
  }
  if (parts.length) yield parts.join('');
}
