import { cp, mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { PGlite } from '@electric-sql/pglite';
import { postgis } from '@electric-sql/pglite-postgis';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { APPLICATION_NAME_PREFIX } from '../../db/open-postgres.js';
import { createDatabaseFromTemplate } from '../template-database.js';
import type { DatabaseLabel } from './fault-report.js';

/** Plain SQL against the scenario's database; cast counts to int, so both drivers give numbers. */
export type Query = <T extends Record<string, unknown> = Record<string, unknown>>(
  text: string,
  params?: unknown[],
) => Promise<T[]>;

/** Where a scenario's databases come from: the migrated templates the database test suite already keeps. */
export type DatabaseTemplate = { label: 'pglite'; dump: string } | { label: 'postgres'; url: string; template: string };

/**
 * The database of one scenario, fresh and kept across its kills: an embedded one in a temporary DATA_DIR, or a
 * database of its own on the PostgreSQL server of DATABASE_URL. The checks read it directly, not through the API.
 */
export interface ScenarioDatabase {
  readonly label: DatabaseLabel;
  /** The server's DATA_DIR: stored files, and on PGlite the database itself. */
  readonly dataDir: string;
  readonly serverEnv: Readonly<Record<string, string>>;
  /**
   * Reads what a killed server left. Resolves when the server may be started again; `result` may still be reading
   * then (PGlite reads a copy of the data directory, so that the server, not this reader, recovers the original).
   */
  afterKill<T>(read: (q: Query) => Promise<T>): Promise<{ result: Promise<T> }>;
  /** Reads now: on PGlite only while the server is stopped; on PostgreSQL at any time. */
  read<T>(read: (q: Query) => Promise<T>): Promise<T>;
  dispose(): Promise<void>;
}

const open = new Set<ScenarioDatabase>();

export async function openScenarioDatabase(template: DatabaseTemplate): Promise<ScenarioDatabase> {
  const db =
    template.label === 'pglite' ? await pgliteScenario(template.dump) : await postgresScenario(template.url, template.template);
  open.add(db);
  return {
    ...db,
    async dispose() {
      if (open.delete(db)) await db.dispose();
    },
  };
}

/** Removes every scenario database and folder not yet removed, and the loaded templates (the end of a run). */
export async function disposeAllScenarioDatabases(): Promise<void> {
  await Promise.allSettled([...open].map(async (db) => open.delete(db) && (await db.dispose())));
  const templates = [...loaded.values()];
  loaded.clear();
  await Promise.allSettled(templates.map(async (dir) => rm(path.dirname(await dir), { recursive: true, force: true })));
}

const extensions = { postgis, pg_trgm };

async function withPglite<T>(dir: string, read: (q: Query) => Promise<T>): Promise<T> {
  const client = await PGlite.create({ dataDir: dir, extensions });
  try {
    return await read(
      async <R extends Record<string, unknown>>(text: string, params: unknown[] = []) =>
        (await client.query<R>(text, params)).rows,
    );
  } finally {
    await client.close();
  }
}

/** A promise that may settle before anyone awaits it without counting as an unhandled rejection. */
function later<T>(promise: Promise<T>): Promise<T> {
  promise.catch(() => {});
  return promise;
}

/** Data directories loaded from a template dump, once per dump and process; each scenario starts from a copy. */
const loaded = new Map<string, Promise<string>>();

function loadedTemplate(dump: string): Promise<string> {
  let dir = loaded.get(dump);
  if (!dir) {
    dir = (async () => {
      const base = await mkdtemp(path.join(tmpdir(), 'safeschools-fault-template-'));
      const client = await PGlite.create({
        dataDir: path.join(base, 'pglite'),
        loadDataDir: new Blob([await readFile(dump)]),
        extensions,
      });
      await client.close();
      return path.join(base, 'pglite');
    })();
    loaded.set(dump, dir);
  }
  return dir;
}

async function pgliteScenario(dump: string): Promise<ScenarioDatabase> {
  const dataDir = await mkdtemp(path.join(tmpdir(), 'safeschools-fault-'));
  const pgliteDir = path.join(dataDir, 'pglite');
  // The migrated template the database tests use, instead of a first start's 15-30 s of initdb and migrations.
  await cp(await loadedTemplate(dump), pgliteDir, { recursive: true });
  return {
    label: 'pglite',
    dataDir,
    serverEnv: { DATA_DIR: dataDir },
    async afterKill(read) {
      const copy = await mkdtemp(path.join(tmpdir(), 'safeschools-fault-copy-'));
      try {
        await cp(pgliteDir, path.join(copy, 'pglite'), { recursive: true });
      } catch (error) {
        await rm(copy, { recursive: true, force: true });
        throw error;
      }
      const result = withPglite(path.join(copy, 'pglite'), read).finally(() => rm(copy, { recursive: true, force: true }));
      return { result: later(result) };
    },
    read: (read) => withPglite(pgliteDir, read),
    dispose: () => rm(dataDir, { recursive: true, force: true }),
  };
}

async function postgresScenario(url: string, template: string): Promise<ScenarioDatabase> {
  const { name, url: target } = await createDatabaseFromTemplate(url, template, 'safeschools_fault');
  const pool = new pg.Pool({ connectionString: target, max: 2, application_name: 'safeschools-fault-check' });
  pool.on('error', () => {});
  const query: Query = async <R extends Record<string, unknown>>(text: string, params: unknown[] = []) =>
    (await pool.query<R>(text, params)).rows;
  const dataDir = await mkdtemp(path.join(tmpdir(), 'safeschools-fault-'));
  return {
    label: 'postgres',
    dataDir,
    serverEnv: { DATA_DIR: dataDir, DATABASE_URL: target },
    async afterKill(read) {
      // A killed server's backends may still be finishing a statement (and commit it, if COMMIT was already sent):
      // read once they are all gone, so that what is read is what the next start finds.
      const deadline = Date.now() + 120_000;
      for (;;) {
        const [row] = await query<{ n: number }>(
          'SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND starts_with(application_name, $1)',
          [APPLICATION_NAME_PREFIX],
        );
        if (row?.n === 0) break;
        if (Date.now() > deadline)
          throw new Error(`${row?.n} connections of the killed server were still open 120 s after the kill`);
        await new Promise((r) => setTimeout(r, 20));
      }
      return { result: later(Promise.resolve(await read(query))) };
    },
    read: (read) => read(query),
    async dispose() {
      await pool.end();
      const cleanup = new pg.Client({ connectionString: url });
      await cleanup.connect();
      await cleanup.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`).finally(() => cleanup.end());
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}
