import { parseInstrument, schoolSafetyInstrument, type InstrumentDefinition } from '@safeschools/domain';
import type { Database } from '../../db/database.js';
import { findInstrument, insertInstrument, listInstrumentRows, type InstrumentRow } from '../../db/safety/instruments.repository.js';
import { AppError } from '../shared/app-error.js';
import { audit, type AuditTrail } from '../shared/audit.js';
import { requirePermission, type Ctx } from '../shared/context.js';

/** The instruments that ship with SafeSchools, stored once so answers can reference their exact version. */
export async function ensureBuiltInInstruments(database: Database): Promise<void> {
  const def = schoolSafetyInstrument;
  await insertInstrument(database.db, { id: def.id, version: def.version, definition: def as unknown as Record<string, unknown>, builtIn: true });
}

export function presentInstrument(row: InstrumentRow) {
  const def = row.definition as unknown as InstrumentDefinition;
  return { id: row.id, version: row.version, title: { ...def.title }, builtIn: row.builtIn, createdAt: row.createdAt.toISOString() };
}

export async function listInstruments(ctx: Ctx) {
  requirePermission(ctx, 'safety.read');
  return (await listInstrumentRows(ctx.tx)).map(presentInstrument);
}

export async function getInstrument(ctx: Ctx, id: string, version?: number): Promise<InstrumentDefinition> {
  requirePermission(ctx, 'safety.read');
  const row = await findInstrument(ctx.tx, id, version);
  if (!row) throw new AppError('NOT_FOUND', `No instrument "${id}"${version ? ` version ${version}` : ''}.`);
  return row.definition as unknown as InstrumentDefinition;
}

/**
 * A country team's own instrument. Only people who manage the programme may add one (it changes what every
 * school is asked); it must pass every rule of the domain, and a version, once stored, never changes.
 */
export async function createInstrument(ctx: Ctx & { trail?: AuditTrail }, value: unknown) {
  requirePermission(ctx, 'users.manage');
  const parsed = parseInstrument(value);
  if (!parsed.ok) {
    throw new AppError(
      'INSTRUMENT_INVALID',
      `The instrument has ${parsed.problems.length} problem(s).`,
      parsed.problems.map((p) => ({ path: p.path, message: p.message, code: p.code })),
    );
  }
  const def = parsed.def;
  const stored = await insertInstrument(ctx.tx, { id: def.id, version: def.version, definition: def as unknown as Record<string, unknown>, builtIn: false });
  if (!stored) throw new AppError('INSTRUMENT_VERSION_EXISTS', `Version ${def.version} of "${def.id}" exists already; give the changed instrument a new version.`);
  await audit(ctx, { action: 'instrument.create', entity: 'instrument', entityId: null, details: { id: def.id, version: def.version } });
  return presentInstrument((await findInstrument(ctx.tx, def.id, def.version))!);
}
