import { describe, expect, it } from 'vitest';
import { layoutPlanMap } from './plan-map.js';

describe('layoutPlanMap', () => {
  it('draws nothing when the plan has no coordinates', () => {
    expect(layoutPlanMap({ routes: [], assemblyPoints: [], hazards: [] })).toBeUndefined();
  });

  it('keeps north up and east right, with the route ending in an arrow at its last point', () => {
    const map = layoutPlanMap({
      routes: [
        {
          label: 'R1',
          coordinates: [
            [78, 30],
            [78, 30.001],
            [78.001, 30.001],
          ],
        },
      ],
      assemblyPoints: [{ label: 'A1', point: [78.001, 30.001] }],
      hazards: [],
    });
    const line = map?.routes[0]?.line ?? [];
    const [start, north, east] = line;
    expect(north?.[0]).toBeCloseTo(start?.[0] ?? NaN, 5);
    expect(north?.[1]).toBeLessThan(start?.[1] ?? NaN);
    expect(east?.[0]).toBeGreaterThan(north?.[0] ?? NaN);
    expect(map?.routes[0]?.arrow[0]).toEqual(east);
    expect(map?.assemblyPoints[0]?.at).toEqual(east);
  });

  it('keeps distances true in both directions at the site latitude', () => {
    // 0.001° of longitude at 60°N is half as long on the ground as 0.001° of latitude.
    const map = layoutPlanMap({
      routes: [
        {
          label: 'R1',
          coordinates: [
            [10, 60],
            [10.001, 60],
            [10.001, 60.001],
          ],
        },
      ],
      assemblyPoints: [],
      hazards: [],
    });
    const [a, b, c] = map?.routes[0]?.line ?? [];
    const eastward = (b?.[0] ?? 0) - (a?.[0] ?? 0);
    const northward = (b?.[1] ?? 0) - (c?.[1] ?? 0);
    expect(eastward / northward).toBeCloseTo(0.5, 2);
  });

  it('fits the features inside the frame and picks a round scale bar', () => {
    const map = layoutPlanMap({
      routes: [],
      assemblyPoints: [
        { label: 'A1', point: [88.57, 27.3] },
        { label: 'A2', point: [88.575, 27.302] },
      ],
      hazards: [{ label: 'H1', point: [88.572, 27.299] }],
    });
    for (const { at } of [...(map?.assemblyPoints ?? []), ...(map?.hazards ?? [])]) {
      expect(at[0]).toBeGreaterThan(0);
      expect(at[0]).toBeLessThan(map?.width ?? 0);
      expect(at[1]).toBeGreaterThan(0);
      expect(at[1]).toBeLessThan(map?.height ?? 0);
    }
    expect(map?.scaleBar.text).toMatch(/^[125]0* m$|^[125]0* km$/);
  });

  it('gives a lone point a neighbourhood instead of an infinite zoom', () => {
    const map = layoutPlanMap({ routes: [], assemblyPoints: [{ label: 'A1', point: [139.7, 35.6] }], hazards: [] });
    expect(map?.assemblyPoints[0]?.at).toEqual([(map?.width ?? 0) / 2, (map?.height ?? 0) / 2]);
    expect(Number.isFinite(map?.scaleBar.length)).toBe(true);
  });
});
