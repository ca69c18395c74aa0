import { describe, expect, it } from 'vitest';
import { drillTrend, drillTrendsBySchool, leastSquaresSlope } from './drill-trend.js';
import { buildDrill } from './testing-drill.js';

const drillAt = (startedAt: string, assemblyPointSeconds: number, schoolId = 'school-1') =>
  buildDrill({ id: startedAt, schoolId, startedAt, times: { assemblyPointSeconds } });

describe('drillTrend', () => {
  it('computes the least-squares slope', () => {
    expect(leastSquaresSlope([0, 1, 2], [10, 8, 6])).toBeCloseTo(-2);
    expect(leastSquaresSlope([1, 1], [3, 5])).toBeNull();
  });

  it('sees improvement when times fall across drills', () => {
    const trend = drillTrend([drillAt('2025-01-01T10:00:00Z', 200), drillAt('2024-01-01T10:00:00Z', 300), drillAt('2024-07-01T10:00:00Z', 260)]);
    expect(trend.points.map((p) => p.seconds)).toEqual([300, 260, 200]);
    expect(trend.direction).toBe('improving');
    expect(trend.slopeSecondsPerYear).toBeLessThan(-90);
  });

  it('calls small changes stable, rises worsening, and one drill insufficient', () => {
    expect(drillTrend([drillAt('2024-01-01T10:00:00Z', 200), drillAt('2025-01-01T10:00:00Z', 205)]).direction).toBe('stable');
    expect(drillTrend([drillAt('2024-01-01T10:00:00Z', 200), drillAt('2025-01-01T10:00:00Z', 260)]).direction).toBe('worsening');
    expect(drillTrend([drillAt('2024-01-01T10:00:00Z', 200)]).direction).toBe('insufficient_data');
  });

  it('groups a district by school', () => {
    const trends = drillTrendsBySchool([drillAt('2024-01-01T10:00:00Z', 300, 'a'), drillAt('2025-01-01T10:00:00Z', 100, 'a'), drillAt('2024-01-01T10:00:00Z', 90, 'b')]);
    expect(trends.get('a')?.direction).toBe('improving');
    expect(trends.get('b')?.direction).toBe('insufficient_data');
  });
});
