import { assessInspection, type InspectionRecord } from '@safeschools/domain';
import type { InspectionRow } from '../../db/safety/inspections.repository.js';
import { presentSync } from '../present-sync.js';

/** The stored record with its assessment worked out again by the domain rules (they are cheap and never stale). */
export function presentInspection(row: InspectionRow) {
  const a = assessInspection(row.record as unknown as InspectionRecord);
  return {
    ...presentSync(row),
    schoolId: row.schoolId,
    record: row.record,
    safetyLevel: a.safetyLevel,
    colour: a.colour,
    intervention: a.intervention,
    costClass: a.costClass,
    indicativeCost: a.indicativeCost,
    worstBySection: a.worstBySection,
  };
}

