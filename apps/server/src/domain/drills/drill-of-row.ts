import { indiaDrillTargets, type DrillRecord, type DrillTargets } from '@safeschools/domain';
import type { DrillRow } from '../../db/drills/drills.repository.js';

/** The whole record is kept as typed in; the columns beside it are copies for lists and dashboards. */
export function drillOfRow(row: DrillRow): DrillRecord {
  return row.record as unknown as DrillRecord;
}

export const openActionsOf = (record: DrillRecord): number => record.correctiveActions.filter((a) => a.status !== 'done').length;

/**
 * The targets a drill is measured against, by the school's country. Only India's are defined so far; every other
 * country uses them too until its team sets its own.
 */
export function drillTargetsFor(_countryCode: string | null): DrillTargets {
  return indiaDrillTargets;
}
