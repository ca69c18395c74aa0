import { uuidv7 } from 'uuidv7';
import type { Executor } from '../../../db/database.js';
import { insertAudit } from '../../../db/audit/audit.repository.js';
import { importedColumnNames, type ImportedColumn } from '../../../db/registry/schools/school-columns.js';
import {
  insertStagedHistory,
  insertStagedSchools,
  updateStagedSchools,
  writeStagedReviews,
} from '../../../db/registry/schools/school-import.repository.js';
import {
  analyseStage,
  matchStagedSchools,
  stageSchools,
  summariseStage,
  type StagedSchool,
} from '../../../db/registry/schools/school-stage.repository.js';
import { findPartlyStaged, restagePlacements } from '../../../db/registry/schools/stage-placement.repository.js';
import { takeOutOfScopeRows, type OutOfScopeRow } from '../../../db/registry/schools/stage-scope.repository.js';
import type { ImportRunContext } from '../../imports/import-runner.js';
import type { SchoolRow } from './school-row.js';
import { placeSchool, type PlacementAreas } from './place-schools.js';
import type { PlacementIndex } from './placement-index.js';

export interface BatchCounts {
  created: number;
  updated: number;
  unchanged: number;
  /** Rows taken out because they would create, change or move a school outside the importer's scope. */
  outOfScope: OutOfScopeRow[];
}

export interface RegistryKey {
  countryCode: string;
  codeSystem: string;
}

const imported = new Set<string>(importedColumnNames);

/** The columns a batch fills: the mapping decides them, so every row of an import has the same ones. */
const columnsOf = (batch: readonly SchoolRow[]): ImportedColumn[] =>
  Object.keys(batch[0]?.values ?? {}).filter((c): c is ImportedColumn => imported.has(c));

function stageRow(school: SchoolRow, index: PlacementIndex | null): StagedSchool {
  const newId = uuidv7();
  const location: [number, number] | null = school.lon === null || school.lat === null ? null : [school.lon, school.lat];
  const placed = index && placeSchool(index, { schoolId: newId, location, declared: school.values.declared_areas });
  return {
    row: school.row,
    code: school.code,
    newId,
    historyId: uuidv7(),
    lon: location?.[0] ?? null,
    lat: location?.[1] ?? null,
    place: placed?.place ?? null,
    reviews: placed?.reviews ?? [],
    values: school.values,
  };
}

/**
 * Compares a batch with the registry and, unless `write` is false (a dry run), writes it, all in one
 * transaction: every row is placed in memory and loaded into a TEMP staging table by COPY; SQL then finds which
 * are new, changed (and which fields) or unchanged, takes out the rows outside the importer's scope, inserts and
 * updates the rest set-based with a history row per changed school and the reviews of the placed ones, and leaves
 * unchanged ones alone; one audit row per batch.
 */
export async function writeSchoolBatch(
  ctx: ImportRunContext,
  key: RegistryKey,
  batch: readonly SchoolRow[],
  write: boolean,
  areas: PlacementAreas,
): Promise<BatchCounts> {
  const { database } = ctx;
  const columns = columnsOf(batch);
  return database.db.transaction(async (tx: Executor) => {
    const scoped = ctx.scope.kind !== 'all';
    // A scoped importer's rows are placed even in a dry run: where a school lands decides whether they may write it.
    const index = write || scoped ? await areas.current(database, tx) : null;
    await stageSchools(
      database,
      tx,
      columns,
      batch.map((s) => stageRow(s, index)),
    );
    await matchStagedSchools(tx, key, columns);
    let summary = await summariseStage(database, tx);
    if (index && summary.updated > 0) {
      await analyseStage(tx);
      // A moved school whose row lacks its location or declared areas is placed with the registry's value for them.
      if (batch.some((s) => s.lon === null || !('declared_areas' in s.values))) {
        const partly = await findPartlyStaged(database, tx, columns.includes('declared_areas'));
        await restagePlacements(
          tx,
          partly.map((p) => ({ code: p.code, ...placeSchool(index, p) })),
        );
        if (partly.length) summary = await summariseStage(database, tx);
      }
    }
    const outOfScope = await takeOutOfScopeRows(database, tx, ctx.scope);
    if (outOfScope.length) summary = await summariseStage(database, tx);
    const counts = { created: summary.created, updated: summary.updated, unchanged: summary.unchanged, outOfScope };
    // A written batch is audited even when it changed nothing: its row records how far the import got, so an
    // interrupted import resumes after it and counts its unchanged rows (interrupt-import.ts, run-import.ts).
    if (!write) return counts;
    const inserted = counts.created ? await insertStagedSchools(database, tx, { ...key, importId: ctx.importId }, columns) : 0;
    const updated = counts.updated ? await updateStagedSchools(database, tx, ctx.importId, columns) : 0;
    // Someone changed or added one of these schools since we compared: fail the batch rather than overwrite.
    if (inserted !== counts.created || updated !== counts.updated)
      throw new Error('A school changed while it was being imported; run the import again.');
    if (counts.updated) await insertStagedHistory(tx, { importId: ctx.importId, actorId: ctx.actorId, at: ctx.now });
    if (counts.created > 0 || counts.updated > 0) await writeStagedReviews(tx, ctx.importId, counts.updated > 0);
    await insertAudit(tx, {
      id: uuidv7(),
      at: new Date(),
      actorId: ctx.actorId,
      action: 'import.schools.batch',
      entity: 'import',
      entityId: ctx.importId,
      requestId: `import:${ctx.importId}`,
      details: {
        created: counts.created,
        updated: counts.updated,
        unchanged: counts.unchanged,
        outOfScope: outOfScope.length,
        rows: batch.length,
        firstRow: batch[0]?.row ?? null,
        lastRow: batch.at(-1)?.row ?? null,
        placed: summary.tally,
      },
    });
    return counts;
  });
}
