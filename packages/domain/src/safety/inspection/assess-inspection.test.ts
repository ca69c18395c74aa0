import { describe, expect, it } from 'vitest';
import { assessInspection } from './assess-inspection.js';
import { priorityCandidate } from './priority-candidate.js';
import type { InspectionItem, InspectionRecord, InspectionSection, ItemRating } from './inspection-types.js';
import { validateInspection } from './validate-inspection.js';

const item = (section: InspectionSection, id: string, rating: ItemRating): InspectionItem => ({ section, id, rating, photoFileIds: [] });

function buildInspection(items: InspectionItem[], extra: Partial<InspectionRecord> = {}): InspectionRecord {
  return {
    id: 'insp-1',
    schoolId: 'school-1',
    buildingName: 'Main block',
    inspectedOn: '2025-03-10',
    inspector: { name: 'R. Sharma', qualification: 'BE Civil' },
    floorAreaM2: 400,
    storeys: 2,
    items: [item('structure', 'structural_system', 1), item('local_weaknesses', 'short_columns', 1), ...items],
    photoFileIds: [],
    ...extra,
  };
}

describe('assessInspection', () => {
  it('finds a sound building green with nothing to do', () => {
    const result = assessInspection(buildInspection([item('non_structural', 'glazing', 1)]));
    expect(result).toMatchObject({ safetyLevel: 'S1', colour: 'green', intervention: 'none', costClass: 'none' });
    expect(result.indicativeCost).toMatchObject({ min: 0, max: 0 });
  });

  it('sends non-structural problems to non-structural fixes, costed by floor area', () => {
    const result = assessInspection(buildInspection([item('non_structural', 'parapets_chimneys', 3)]));
    expect(result).toMatchObject({ safetyLevel: 'S2', intervention: 'non_structural', costClass: 'low' });
    expect(result.indicativeCost).toMatchObject({ min: 80_000, max: 320_000, currency: 'INR' });
  });

  it('repairs major local weaknesses and retrofits a major structural deficiency', () => {
    expect(assessInspection(buildInspection([item('local_weaknesses', 'gable_walls', 3)]))).toMatchObject({ safetyLevel: 'S3', intervention: 'repair' });
    expect(assessInspection(buildInspection([item('structure', 'foundation', 3)]))).toMatchObject({ safetyLevel: 'S3', intervention: 'retrofit' });
  });

  it('calls a critical structure red and for replacement, and many majors red', () => {
    expect(assessInspection(buildInspection([item('structure', 'material_quality', 4)]))).toMatchObject({ safetyLevel: 'S4', colour: 'red', intervention: 'replace' });
    const many = [item('local_weaknesses', 'soft_storey', 3), item('local_weaknesses', 'pounding', 3), item('site', 'flood_exposure', 3)];
    expect(assessInspection(buildInspection(many))).toMatchObject({ safetyLevel: 'S4', intervention: 'retrofit' });
  });

  it('validates field records', () => {
    expect(validateInspection(buildInspection([]))).toEqual([]);
    const bad = buildInspection([item('structure', 'structural_system', 2)], { floorAreaM2: 0, inspectedOn: '2025-13-01' });
    expect(validateInspection(bad).map((p) => p.code)).toEqual(['INSPECTION_DATE_INVALID', 'INSPECTION_AREA_INVALID', 'INSPECTION_ITEM_DUPLICATE']);
  });

  it('turns an assessment into a priority-list candidate', () => {
    const needy = assessInspection(buildInspection([item('structure', 'foundation', 3)]));
    expect(priorityCandidate('school-1', 350, needy)).toEqual({ schoolId: 'school-1', children: 350, riskReduction: 0.8, cost: 2_200_000 });
    expect(priorityCandidate('school-1', 350, assessInspection(buildInspection([])))).toBeNull();
  });
});
