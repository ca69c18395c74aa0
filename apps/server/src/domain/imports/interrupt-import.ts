import { uuidv7 } from 'uuidv7';
import type { Database } from '../../db/database.js';
import { insertAudit } from '../../db/audit/audit.repository.js';
import {
  committedBatches,
  transitionImport,
  type CommittedBatches,
  type ImportRow,
  type ImportRunState,
} from '../../db/imports/imports.repository.js';

/**
 * Marks interrupted an import left running by `row.instanceId`, a process found dead (or left queued for a job whose
 * process died before the run began), with what it had committed:
 * a school import's batches are each committed with an audit row (write-school-batch.ts), so their sum is what was
 * written and the last one's `lastRow` is where a resumed run goes on. Boundaries and crosswalks are written in one
 * transaction, and a dry run writes nothing: of those, nothing was written. False when the import was no longer
 * as found (another sweep, or its runner, got to it first).
 */
export async function interruptImport(database: Database, row: ImportRunState, now: Date): Promise<boolean> {
  return database.db.transaction(async (tx) => {
    const committed = await committedBatches(database, tx, row.id);
    const changed = await transitionImport(
      tx,
      row.id,
      { status: row.status, instanceId: row.instanceId },
      {
        status: 'interrupted',
        counts: {
          rows: committed.rows,
          created: committed.created,
          updated: committed.updated,
          unchanged: committed.unchanged,
          rejected: 0,
        },
        lastCommittedRow: committed.lastRow,
        progress: null,
        message: interruptedMessage(row, committed),
      },
    );
    if (!changed) return false;
    await insertAudit(tx, {
      id: uuidv7(),
      at: now,
      actorId: null,
      action: 'import.interrupt',
      entity: 'import',
      entityId: row.id,
      requestId: `sweep:${database.instanceId}`,
      details: { deadInstance: row.instanceId, ...committed },
    });
    return true;
  });
}

function interruptedMessage(row: Pick<ImportRow, 'kind' | 'dryRun'>, committed: CommittedBatches): string {
  const stopped = 'The server running this import stopped before it finished.';
  if (row.dryRun) return `${stopped} A check writes nothing; resume to check the file again.`;
  if (row.kind !== 'schools')
    return `${stopped} Nothing of it was written (it is written in one transaction); resume to run it again.`;
  if (committed.lastRow === null) return `${stopped} Nothing of it had been written yet; resume to run it again.`;
  return `${stopped} ${committed.rows} rows up to row ${committed.lastRow} of the file were written (${committed.created} added, ${committed.updated} updated, ${committed.unchanged} unchanged); resume to import the rest, or abandon it to keep only those.`;
}
