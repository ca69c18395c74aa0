import { daysBetween, type IsoDate } from '../dates.js';
import { drillDate, type DrillRecord, type DrillTimes } from './drill-types.js';

export interface DrillTrend {
  readonly points: readonly { readonly on: IsoDate; readonly seconds: number }[];
  /** Least-squares slope in seconds per year; null with fewer than two drills on different days. */
  readonly slopeSecondsPerYear: number | null;
  readonly direction: 'improving' | 'worsening' | 'stable' | 'insufficient_data';
}

/** Changes smaller than this many seconds a year are noise between drills (programme default). */
export const stableWithinSecondsPerYear = 10;

/** How one stage's time moves across a school's drills (fewer seconds is better). */
export function drillTrend(records: readonly DrillRecord[], stage: keyof DrillTimes = 'assemblyPointSeconds'): DrillTrend {
  const points = records
    .flatMap((r) => {
      const seconds = r.times[stage];
      return seconds === undefined ? [] : [{ on: drillDate(r), seconds }];
    })
    .sort((a, b) => a.on.localeCompare(b.on));
  const first = points[0];
  if (!first) return { points, slopeSecondsPerYear: null, direction: 'insufficient_data' };
  const xs = points.map((p) => daysBetween(first.on, p.on) / 365.25);
  const ys = points.map((p) => p.seconds);
  const slope = leastSquaresSlope(xs, ys);
  if (slope === null) return { points, slopeSecondsPerYear: null, direction: 'insufficient_data' };
  const direction = Math.abs(slope) < stableWithinSecondsPerYear ? 'stable' : slope < 0 ? 'improving' : 'worsening';
  return { points, slopeSecondsPerYear: Math.round(slope * 10) / 10, direction };
}

export function leastSquaresSlope(xs: readonly number[], ys: readonly number[]): number | null {
  const n = xs.length;
  if (n < 2) return null;
  const meanX = xs.reduce((a, b) => a + b, 0) / n;
  const meanY = ys.reduce((a, b) => a + b, 0) / n;
  let sxx = 0;
  let sxy = 0;
  xs.forEach((x, i) => {
    sxx += (x - meanX) ** 2;
    sxy += (x - meanX) * ((ys[i] ?? 0) - meanY);
  });
  return sxx === 0 ? null : sxy / sxx;
}

/** The trend of every school in a district at once, keyed by school id. */
export function drillTrendsBySchool(records: readonly DrillRecord[], stage: keyof DrillTimes = 'assemblyPointSeconds'): Map<string, DrillTrend> {
  const bySchool = new Map<string, DrillRecord[]>();
  for (const record of records) bySchool.set(record.schoolId, [...(bySchool.get(record.schoolId) ?? []), record]);
  return new Map([...bySchool].map(([schoolId, list]) => [schoolId, drillTrend(list, stage)]));
}
