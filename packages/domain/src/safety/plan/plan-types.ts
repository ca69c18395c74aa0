import type { IsoDate } from '../dates.js';
import type { SafetyHazard } from '../hazards.js';

/** The seven task forces of the NDMA 2016 School Disaster Management Plan (Annexure 8). */
export const standardTaskForceTypes = [
  'awareness_warning',
  'evacuation',
  'search_rescue',
  'fire_safety',
  'first_aid',
  'bus_safety',
  'site_security',
] as const;
export type StandardTaskForceType = (typeof standardTaskForceTypes)[number];
export type TaskForceType = StandardTaskForceType | 'custom';

export const adultRoles = ['teacher', 'non_teaching_staff', 'parent', 'community', 'external'] as const;
export type AdultRole = (typeof adultRoles)[number];

/** [longitude, latitude] in WGS 84, GeoJSON order. */
export type LonLat = readonly [number, number];

/** An adult named in the plan. Children never appear here: the type has no student role. */
export interface PlanPerson {
  readonly id: string;
  readonly name: string;
  readonly role: AdultRole;
  readonly designation?: string;
  readonly phone?: string;
}

/**
 * A task force or committee member: a named adult by reference, or a group of students recorded only as a count
 * (children's data protection). The `never` fields make a name on a student group a type error.
 */
export type PlanMember =
  | { readonly kind: 'adult'; readonly personId: string; readonly isLeader: boolean }
  | {
      readonly kind: 'students';
      readonly count: number;
      readonly grade?: string;
      readonly name?: never;
      readonly personId?: never;
      readonly isLeader?: never;
    };

export interface Duties {
  readonly before: readonly string[];
  readonly during: readonly string[];
  readonly after: readonly string[];
}

export interface TaskForce {
  readonly id: string;
  readonly type: TaskForceType;
  /** Required for custom task forces. */
  readonly customName?: string;
  /** The bus a bus safety team looks after (an id from the profile's buses). */
  readonly busId?: string;
  readonly members: readonly PlanMember[];
  readonly duties: Duties;
}

export interface SchoolProfile {
  readonly schoolId: string;
  readonly name: string;
  readonly udiseCode?: string;
  readonly address: string;
  /** Head counts; null when not recorded (unknown), never 0 standing for unknown. */
  readonly students: { readonly girls: number | null; readonly boys: number | null; readonly other: number | null };
  readonly childrenWithSpecialNeeds: number | null;
  readonly teachers: number | null;
  readonly nonTeachingStaff: number;
  readonly buildings: number;
  readonly buses: readonly { readonly id: string; readonly registration: string }[];
}

export interface Finding {
  readonly id: string;
  readonly description: string;
  readonly location?: LonLat;
}

export interface HazardAssessment {
  /** Non-structural hazards found by walk-throughs with teachers and with students. */
  readonly nonStructural: readonly (Finding & { readonly assessedBy: 'teachers' | 'students' })[];
  /** Structural assessment by an engineer, possibly a technical inspection's record. */
  readonly structural: readonly (Finding & { readonly engineer: string; readonly inspectionId?: string })[];
  readonly outsideCampus: readonly (Finding & { readonly hazard: SafetyHazard | 'other' })[];
  readonly pastIncidents: readonly {
    readonly on: IsoDate;
    readonly hazard: SafetyHazard | 'other';
    readonly description: string;
  }[];
  readonly vulnerableSpots: readonly Finding[];
}

export interface CommitteeMember {
  readonly member: PlanMember;
  readonly position: 'chairperson' | 'convenor' | 'member';
  readonly inCoreTeam: boolean;
}

export const sopKinds = [
  'drop_cover_hold',
  'evacuation',
  'shelter_in_place',
  'lockdown',
  'reunification',
  'special_needs_support',
] as const;
export type SopKind = (typeof sopKinds)[number];

export interface Sop {
  readonly hazard: SafetyHazard;
  readonly kind: SopKind;
  readonly steps: readonly string[];
}

export interface EmergencyContact {
  readonly service: 'police' | 'fire' | 'ambulance' | 'hospital' | 'disaster_management' | 'education_office' | 'other';
  readonly name: string;
  readonly phone: string;
}

export interface PlanContent {
  readonly profile: SchoolProfile;
  readonly people: readonly PlanPerson[];
  readonly hazardAssessment: HazardAssessment;
  readonly committee: readonly CommitteeMember[];
  readonly taskForces: readonly TaskForce[];
  readonly sops: readonly Sop[];
  readonly emergencyContacts: readonly EmergencyContact[];
  readonly evacuationRoutes: readonly { readonly id: string; readonly name: string; readonly coordinates: readonly LonLat[] }[];
  readonly assemblyPoints: readonly { readonly id: string; readonly name: string; readonly point: LonLat; readonly capacity?: number }[];
  readonly resources: readonly { readonly item: string; readonly quantity: number; readonly location: string }[];
  readonly trainingPlan: readonly { readonly moduleId: string; readonly audience: string; readonly plannedOn: IsoDate }[];
  readonly drillSchedule: readonly { readonly hazard: SafetyHazard; readonly plannedOn: IsoDate }[];
}

/** Plan sections, as linked from drill corrective actions and checked before submission. */
export const planSections = [
  'profile',
  'hazardAssessment',
  'committee',
  'taskForces',
  'sops',
  'emergencyContacts',
  'evacuationRoutes',
  'assemblyPoints',
  'resources',
  'trainingPlan',
  'drillSchedule',
] as const satisfies readonly (keyof PlanContent)[];
export type PlanSection = (typeof planSections)[number];

export type PlanStatus = 'draft' | 'submitted' | 'approved' | 'returned';

export interface PlanHistoryEntry {
  readonly action: 'submit' | 'approve' | 'return' | 'reopen' | 'revise';
  readonly by: string;
  readonly on: IsoDate;
  readonly from: PlanStatus;
  readonly to: PlanStatus;
  readonly comments?: string;
}

export interface SchoolDisasterManagementPlan {
  readonly id: string;
  readonly schoolId: string;
  /** Raised each time an approved plan is revised. */
  readonly version: number;
  readonly status: PlanStatus;
  readonly content: PlanContent;
  readonly submittedBy?: string;
  readonly lastApprovedOn?: IsoDate;
  readonly reviewDueOn?: IsoDate;
  readonly returnComments?: string;
  /** Sections a completed drill corrective action changed, to be updated at the next revision. */
  readonly sectionsNeedingUpdate: readonly PlanSection[];
  readonly history: readonly PlanHistoryEntry[];
}
