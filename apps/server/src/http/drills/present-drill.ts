import type { Drill } from '@safeschools/contract';
import type { z } from 'zod';
import type { DrillRow } from '../../db/drills/drills.repository.js';
import { drillOfRow } from '../../domain/drills/drill-of-row.js';
import { presentSync } from '../present-sync.js';

type DrillView = z.output<typeof Drill>;

/** Allow-list: the record's own fields, the evaluation and the open action count; never the stored row as it is. */
export function presentDrill(row: DrillRow): DrillView {
  const record = drillOfRow(row);
  return {
    ...presentSync(row),
    schoolId: row.schoolId,
    heldOn: row.heldOn,
    hazard: record.hazard,
    scenario: record.scenario,
    startedAt: record.startedAt,
    participants: { ...record.participants },
    observers: record.observers.map((o) => ({ organisation: o.organisation, count: o.count })),
    times: { ...record.times },
    missingPersons: record.missingPersons,
    whatWentWrong: [...record.whatWentWrong],
    correctiveActions: record.correctiveActions.map((a) => ({ ...a })),
    evaluation: row.evaluation as DrillView['evaluation'],
    openActions: row.openActions,
  };
}
