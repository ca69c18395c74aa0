import { addMonths, type IsoDate } from '../dates.js';
import type { SafetyHazard } from '../hazards.js';

/** How often each hazard is drilled; a country sets its own. */
export interface DrillScheduleConfig {
  readonly hazards: readonly SafetyHazard[];
  readonly defaultIntervalMonths: number;
  readonly intervalMonthsByHazard?: Partial<Readonly<Record<SafetyHazard, number>>>;
}

/** Programme default for India: every six months per hazard the school faces (the issue's rule, after NDMA 2016's call for regular mock drills). */
export const defaultDrillIntervalMonths = 6;

export function drillSchedule(hazards: readonly SafetyHazard[], intervalMonthsByHazard?: DrillScheduleConfig['intervalMonthsByHazard']): DrillScheduleConfig {
  return { hazards, defaultIntervalMonths: defaultDrillIntervalMonths, ...(intervalMonthsByHazard ? { intervalMonthsByHazard } : {}) };
}

export interface DrillDue {
  readonly hazard: SafetyHazard;
  readonly lastDrillOn: IsoDate | null;
  /** A hazard never drilled is due today. */
  readonly dueOn: IsoDate;
  readonly overdue: boolean;
}

/** The next drill per hazard from the last one held. A hazard never drilled counts as overdue. */
export function dueDrills(
  schedule: DrillScheduleConfig,
  lastDrills: readonly { readonly hazard: SafetyHazard; readonly on: IsoDate }[],
  today: IsoDate,
): DrillDue[] {
  return schedule.hazards.map((hazard) => {
    const last = lastDrills
      .filter((d) => d.hazard === hazard)
      .map((d) => d.on)
      .sort()
      .at(-1);
    if (last === undefined) return { hazard, lastDrillOn: null, dueOn: today, overdue: true };
    const months = schedule.intervalMonthsByHazard?.[hazard] ?? schedule.defaultIntervalMonths;
    const dueOn = addMonths(last, months);
    return { hazard, lastDrillOn: last, dueOn, overdue: today > dueOn };
  });
}
