import type { IsoDate } from '../dates.js';
import type { SafetyHazard } from '../hazards.js';
import type { PlanSection } from '../plan/plan-types.js';

export interface CorrectiveAction {
  readonly id: string;
  readonly description: string;
  /** The adult responsible (a plan person id or a name). */
  readonly owner: string;
  readonly dueOn: IsoDate;
  readonly status: 'open' | 'in_progress' | 'done';
  readonly completedOn?: IsoDate;
  /** The plan section this action changes; completing it marks that section for update. */
  readonly planSection?: PlanSection;
}

export const observerOrganisations = ['fire_service', 'civil_defence', 'ndrf_sdrf', 'police', 'health', 'education_office', 'other'] as const;

/** Seconds from the alarm; each stage is optional because small schools may not time all three. */
export interface DrillTimes {
  readonly classroomsOutSeconds?: number;
  readonly assemblyPointSeconds?: number;
  readonly headcountCompleteSeconds?: number;
}

export interface DrillRecord {
  readonly id: string;
  readonly schoolId: string;
  readonly hazard: SafetyHazard;
  readonly scenario: string;
  /** ISO 8601 date and time with offset, as read on the school's clock. */
  readonly startedAt: string;
  /** Counts only: children are never named in a drill record. */
  readonly participants: {
    readonly girls: number;
    readonly boys: number;
    readonly otherChildren: number;
    readonly childrenWithSpecialNeeds: number;
    readonly teachers: number;
    readonly staff: number;
  };
  readonly observers: readonly { readonly organisation: (typeof observerOrganisations)[number]; readonly count: number }[];
  readonly times: DrillTimes;
  readonly missingPersons: number;
  readonly whatWentWrong: readonly string[];
  readonly correctiveActions: readonly CorrectiveAction[];
}

export const drillDate = (record: DrillRecord): IsoDate => record.startedAt.slice(0, 10);
