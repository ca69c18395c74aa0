import { isIsoDate } from '../dates.js';
import { problem, type SafetyProblem } from '../problem.js';
import { inspectionSections, type InspectionRecord } from './inspection-types.js';

/** Problems in an inspection record as entered in the field, before it is assessed. */
export function validateInspection(record: InspectionRecord): SafetyProblem[] {
  const problems: SafetyProblem[] = [];
  if (!isIsoDate(record.inspectedOn)) problems.push(problem('INSPECTION_DATE_INVALID', 'inspectedOn', 'Give the date as YYYY-MM-DD'));
  if (!(record.floorAreaM2 > 0 && record.floorAreaM2 < 1_000_000))
    problems.push(problem('INSPECTION_AREA_INVALID', 'floorAreaM2', 'The floor area must be above 0 and below 1,000,000 m²'));
  if (!(Number.isInteger(record.storeys) && record.storeys >= 1 && record.storeys <= 50))
    problems.push(problem('INSPECTION_STOREYS_INVALID', 'storeys', 'Storeys must be a whole number from 1 to 50'));
  if (!record.inspector.name.trim() || !record.inspector.qualification.trim())
    problems.push(problem('INSPECTION_INSPECTOR_MISSING', 'inspector', 'Name the inspecting engineer and their qualification'));
  const seen = new Set<string>();
  for (const item of record.items) {
    const key = `${item.section}.${item.id}`;
    if (seen.has(key)) problems.push(problem('INSPECTION_ITEM_DUPLICATE', key, 'This item is rated twice'));
    seen.add(key);
    if (!inspectionSections.includes(item.section)) problems.push(problem('INSPECTION_SECTION_UNKNOWN', key, 'Unknown section'));
    if (![1, 2, 3, 4].includes(item.rating)) problems.push(problem('INSPECTION_RATING_INVALID', key, 'Rate from 1 (adequate) to 4 (critical)'));
  }
  for (const section of ['structure', 'local_weaknesses'] as const)
    if (!record.items.some((i) => i.section === section))
      problems.push(problem('INSPECTION_SECTION_NOT_RATED', section, 'Rate at least one item in this section'));
  return problems;
}
