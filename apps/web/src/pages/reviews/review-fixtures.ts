import { fixtureId } from '../../test/fixtures';
import type { Review } from './types';

const at = '2025-01-15T10:00:00.000Z';

export const gangtok = { id: fixtureId(), name: 'GANGTOK', names: { hi: 'गंगटोक' } };
export const namchi = { id: fixtureId(), name: 'Namchi', names: {} };

/** An open "point outside the declared district" review: the point lies in Gangtok, the file said Namchi. */
export function buildReview(overrides: Partial<Review> = {}): Review {
  return {
    id: fixtureId(),
    version: 1,
    kind: 'outside_declared_area',
    status: 'open',
    importId: null,
    createdAt: at,
    updatedAt: at,
    school: {
      id: fixtureId(),
      code: '11000000001',
      name: 'Govt Primary School Tadong',
      lon: 88.61,
      lat: 27.34,
      placement: 'conflict',
      area: gangtok,
    },
    declared: { district: { lgd: '227', name: 'Namchi' } },
    declaredArea: namchi,
    foundArea: gangtok,
    detail: { declaredAreaId: namchi.id, foundAreaId: gangtok.id },
    resolution: null,
    ...overrides,
  };
}

export const noneByKind = {
  outside_declared_area: 0,
  unknown_area_code: 0,
  area_name_mismatch: 0,
  no_location: 0,
  outside_any_area: 0,
};
