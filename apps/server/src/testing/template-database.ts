import { createHash, randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import pg from 'pg';
import { PGlite } from '@electric-sql/pglite';
import { postgis } from '@electric-sql/pglite-postgis';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { readMigrations, migrate } from '../db/migrate.js';
import { wrapPglite } from '../db/open-pglite.js';
import { openPostgres } from '../db/open-postgres.js';

/**
 * Name of the migrated template, changing whenever a migration does (its text or its name: the server applies by
 * name), so stale templates are never used.
 */
export async function templateKey(): Promise<string> {
  const migrations = await readMigrations();
  return createHash('sha256')
    .update(migrations.map((m) => `${m.name}:${m.checksum}`).join(','))
    .digest('hex')
    .slice(0, 12);
}

/** PGlite: migrate one in-memory database per change of migrations and keep its dump; each test file loads it. */
export async function preparePgliteTemplate(dir: string): Promise<string> {
  const file = path.join(dir, `pglite-template-${await templateKey()}.tar`);
  if (existsSync(file)) return file;
  await mkdir(dir, { recursive: true });
  const client = await PGlite.create({ extensions: { postgis, pg_trgm } });
  await migrate(wrapPglite(client));
  const dump = await client.dumpDataDir('none');
  await client.close();
  const tmp = `${file}.${process.pid}.tmp`;
  await writeFile(tmp, Buffer.from(await dump.arrayBuffer()));
  await rename(tmp, file);
  return file;
}

/** PostgreSQL: a migrated template database per change of migrations; test databases are copied from it. */
export async function preparePostgresTemplate(url: string): Promise<string> {
  const name = `safeschools_tpl_${await templateKey()}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  try {
    const exists = await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (exists.rowCount) return name;
    await admin.query(`CREATE DATABASE ${name}`);
    const target = new URL(url);
    target.pathname = `/${name}`;
    const database = await openPostgres(target.toString(), 1);
    await migrate(database);
    await database.close();
    await admin.query(`ALTER DATABASE ${name} WITH IS_TEMPLATE true`);
    return name;
  } finally {
    await admin.end();
  }
}

/** A new database on the server of `url`, copied from the migrated template; answers its URL. */
export async function createDatabaseFromTemplate(
  url: string,
  template: string,
  prefix: string,
): Promise<{ name: string; url: string }> {
  const name = `${prefix}_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE ${name} TEMPLATE ${template}`);
  } finally {
    await admin.end();
  }
  const target = new URL(url);
  target.pathname = `/${name}`;
  return { name, url: target.toString() };
}
