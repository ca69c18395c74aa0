import type { AreaRef, PlacementFacts } from '../../../db/registry/schools/school-placement.repository.js';
import { normaliseAreaName, sameAreaName, similarity } from './area-names.js';

export interface ReviewDraft {
  kind: 'outside_declared_area' | 'unknown_area_code' | 'area_name_mismatch' | 'no_location' | 'outside_any_area';
  areaId: string | null;
  areaPath: string[];
  detail: Record<string, unknown>;
}

export interface PlacementDecision {
  areaId: string | null;
  areaPath: string[];
  placement: 'matched' | 'located_only' | 'declared_only' | 'conflict' | 'unplaced';
  reviews: ReviewDraft[];
}

const union = (a: readonly string[], b: readonly string[]) => [...new Set([...a, ...b])];

/**
 * Where a school belongs. The point decides when there is one; the declared codes decide when there is not;
 * every disagreement becomes a review for a person, visible to the officers of both areas involved.
 */
export function decidePlacement(facts: PlacementFacts): PlacementDecision {
  const reviews: ReviewDraft[] = [];
  const declaredCodes = facts.declared.district ?? {};
  const declaredArea: AreaRef | null = facts.declaredDistrict ?? facts.declaredState;
  const codeGiven = ['lgd', 'census2011', 'udise'].some((k) => declaredCodes[k]);
  if (codeGiven && !facts.declaredDistrict && facts.districtCodesKnown) {
    const path = facts.found?.path ?? facts.declaredState?.path ?? [];
    reviews.push({
      kind: 'unknown_area_code',
      areaId: facts.found?.id ?? null,
      areaPath: path,
      detail: { level: 'district', declared: declaredCodes },
    });
  }
  let decision: Omit<PlacementDecision, 'reviews'>;
  const found = facts.found;
  if (found) {
    if (!declaredArea) decision = { areaId: found.id, areaPath: found.path, placement: 'located_only' };
    else if (found.path.includes(declaredArea.id)) decision = { areaId: found.id, areaPath: found.path, placement: 'matched' };
    else if (declaredArea.path.includes(found.id))
      decision = { areaId: declaredArea.id, areaPath: declaredArea.path, placement: 'matched' };
    else {
      decision = { areaId: found.id, areaPath: found.path, placement: 'conflict' };
      reviews.push({
        kind: 'outside_declared_area',
        areaId: found.id,
        areaPath: union(found.path, declaredArea.path),
        detail: {
          declared: facts.declared.district ?? facts.declared.state ?? {},
          declaredAreaId: declaredArea.id,
          declaredAreaName: declaredArea.name,
          foundAreaId: found.id,
          foundAreaName: found.name,
        },
      });
    }
  } else {
    decision = declaredArea
      ? { areaId: declaredArea.id, areaPath: declaredArea.path, placement: 'declared_only' }
      : { areaId: null, areaPath: [], placement: 'unplaced' };
    if (!facts.hasLocation)
      reviews.push({ kind: 'no_location', areaId: decision.areaId, areaPath: decision.areaPath, detail: {} });
    else if (facts.anyGeometry)
      reviews.push({ kind: 'outside_any_area', areaId: decision.areaId, areaPath: decision.areaPath, detail: {} });
  }
  const declaredName = declaredCodes.name;
  const named = facts.declaredDistrict ?? facts.foundDistrict;
  if (declaredName && named && !sameAreaName(declaredName, named)) {
    reviews.push({
      kind: 'area_name_mismatch',
      areaId: named.id,
      areaPath: union(decision.areaPath, named.path),
      detail: {
        declaredName,
        areaId: named.id,
        areaName: named.name,
        similarity: Math.round(similarity(normaliseAreaName(declaredName), normaliseAreaName(named.name)) * 100) / 100,
      },
    });
  }
  return { ...decision, reviews };
}
