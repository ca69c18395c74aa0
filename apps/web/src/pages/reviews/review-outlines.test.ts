import { describe, expect, it } from 'vitest';
import type { FeatureCollection } from 'geojson';
import { boundsOf, reviewOutlines } from './review-outlines';
import { buildReview, gangtok, namchi } from './review-fixtures';

const box = (id: string, [w, s, e, n]: number[]) => ({
  type: 'Feature' as const,
  geometry: {
    type: 'Polygon' as const,
    coordinates: [
      [
        [w, s],
        [e, s],
        [e, n],
        [w, n],
        [w, s],
      ],
    ] as number[][][],
  },
  properties: { id, name: id, schools: 1, children: 1 },
});

const shapes: FeatureCollection = {
  type: 'FeatureCollection',
  features: [
    box(gangtok.id, [88.5, 27.2, 88.9, 27.6]),
    box(namchi.id, [88.2, 27.0, 88.5, 27.2]),
    box('elsewhere', [75, 8, 77, 12]),
  ],
};

describe('review outlines', () => {
  it('keeps only the declared and found districts, marked by role', () => {
    const outlines = reviewOutlines(shapes, buildReview());
    expect(outlines.features.map((f) => [String(f.properties?.id), String(f.properties?.role)])).toEqual([
      [gangtok.id, 'found'],
      [namchi.id, 'declared'],
    ]);
  });

  it('draws nothing for areas without a shape, such as a declared state', () => {
    const review = buildReview({ declaredArea: { id: 'a-state', name: 'Sikkim', names: {} }, foundArea: null });
    expect(reviewOutlines(shapes, review).features).toEqual([]);
  });

  it('bounds the outlines and the point together, or the point alone', () => {
    const outlines = reviewOutlines(shapes, buildReview());
    expect(boundsOf(outlines, [88.61, 27.34])).toEqual([88.2, 27.0, 88.9, 27.6]);
    expect(boundsOf({ type: 'FeatureCollection', features: [] }, [88.61, 27.34])).toEqual([88.61, 27.34, 88.61, 27.34]);
    expect(boundsOf({ type: 'FeatureCollection', features: [] }, null)).toBeNull();
  });
});
