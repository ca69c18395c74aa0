import { uuidv7 } from 'uuidv7';
import type { Executor } from '../../../db/database.js';
import { insertAudit } from '../../../db/audit/audit.repository.js';
import {
  findSchoolsByCode,
  insertSchoolHistory,
  insertSchools,
  updateSchools,
  type HistoryRow,
  type SchoolUpdate,
} from '../../../db/registry/schools/school-import.repository.js';
import { replaceReviews, type PlacementInput } from '../../../db/registry/schools/school-placement.repository.js';
import type { ImportRunContext } from '../../imports/import-runner.js';
import { movesSchool, schoolChanges } from './school-changes.js';
import type { SchoolRow } from './school-row.js';
import { placeSchools, type PlacementAreas } from './place-schools.js';

export interface BatchCounts {
  created: number;
  updated: number;
  unchanged: number;
}

export interface RegistryKey {
  countryCode: string;
  codeSystem: string;
}

const unplaced = { areaId: null, areaPath: [], placement: 'unplaced' };

/**
 * Compares a batch with the registry and, unless `write` is false (a dry run), writes it in one transaction:
 * new schools inserted already placed, changed ones updated with a history row each, unchanged ones left
 * alone, reviews for the placed ones, and one audit row for the batch.
 */
export async function writeSchoolBatch(
  ctx: ImportRunContext,
  key: RegistryKey,
  batch: readonly SchoolRow[],
  write: boolean,
  areas: PlacementAreas,
): Promise<BatchCounts> {
  const { database } = ctx;
  const work = async (tx: Executor): Promise<BatchCounts> => {
    const existing = await findSchoolsByCode(
      database,
      tx,
      key,
      batch.map((s) => s.code),
    );
    const created: { id: string; code: string; location: [number, number] | null; values: Record<string, unknown> }[] = [];
    const updates: (Omit<SchoolUpdate, 'place'> & { moved: PlacementInput | null })[] = [];
    const history: HistoryRow[] = [];
    for (const school of batch) {
      const known = existing.get(school.code);
      const location: [number, number] | null = school.lon === null || school.lat === null ? null : [school.lon, school.lat];
      if (!known) {
        created.push({ id: uuidv7(), code: school.code, location, values: school.values });
        continue;
      }
      const changes = schoolChanges(known, school);
      if (Object.keys(changes).length === 0) continue;
      const declared = 'declared_areas' in school.values ? school.values.declared_areas : known.values.declared_areas;
      const moved = movesSchool(changes) ? { schoolId: known.id, location: location ?? known.location, declared } : null;
      updates.push({
        id: known.id,
        version: known.version,
        changes: Object.fromEntries(Object.entries(changes).map(([k, v]) => [k, v[1]])),
        moved,
      });
      history.push({ id: uuidv7(), schoolId: known.id, version: known.version + 1, changes });
    }
    const counts = {
      created: created.length,
      updated: updates.length,
      unchanged: batch.length - created.length - updates.length,
    };
    if (!write || (created.length === 0 && updates.length === 0)) return counts;
    const toPlace: PlacementInput[] = [
      ...created.map((c) => ({ schoolId: c.id, location: c.location, declared: c.values.declared_areas })),
      ...updates.flatMap((u) => (u.moved ? [u.moved] : [])),
    ];
    const placed = placeSchools(await areas.current(database, tx), toPlace);
    await insertSchools(
      tx,
      { ...key, importId: ctx.importId },
      created.map((c) => ({ ...c, place: placed.places.get(c.id) ?? unplaced })),
    );
    const applied = await updateSchools(
      database,
      tx,
      ctx.importId,
      updates.map(({ moved, ...u }) => ({ ...u, place: moved ? (placed.places.get(u.id) ?? unplaced) : null })),
    );
    // Someone changed one of these schools since we compared: fail the batch rather than overwrite their edit.
    if (applied !== updates.length) throw new Error('A school changed while it was being imported; run the import again.');
    await insertSchoolHistory(tx, { importId: ctx.importId, actorId: ctx.actorId, at: ctx.now }, history);
    // New schools have no reviews yet; moved ones have their open reviews replaced.
    await replaceReviews(
      tx,
      ctx.importId,
      updates.flatMap((u) => (u.moved ? [u.id] : [])),
      placed.reviews,
    );
    await insertAudit(tx, {
      id: uuidv7(),
      at: new Date(),
      actorId: ctx.actorId,
      action: 'import.schools.batch',
      entity: 'import',
      entityId: ctx.importId,
      requestId: `import:${ctx.importId}`,
      details: {
        ...counts,
        rows: batch.length,
        firstRow: batch[0]?.row ?? null,
        lastRow: batch.at(-1)?.row ?? null,
        placed: placed.tally,
      },
    });
    return counts;
  };
  return write ? database.db.transaction((tx) => work(tx)) : work(database.db);
}
