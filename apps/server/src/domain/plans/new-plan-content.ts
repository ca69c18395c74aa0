import type { PlanContent, SchoolProfile } from '@safeschools/domain';
import type { SchoolRow } from '../../db/schools/schools.repository.js';

/** What a draft save may carry: any sections, and the profile field by field. */
export type PlanContentDraft = Partial<Omit<PlanContent, 'profile'>> & { profile?: Partial<Omit<SchoolProfile, 'schoolId'>> };

/** The sum of two figures when the registry holds both; otherwise unknown (null), never a partial sum or 0. */
const both = (a: number | null, b: number | null): number | null => (a === null || b === null ? null : a + b);

/**
 * The profile as the registry knows the school, for a new plan. Only what the registry holds is filled, and a
 * figure it lacks stays null ("not recorded"), never 0; the focal point completes the rest (staff, buildings, buses).
 * Other children are the registry's own figure, else what the total leaves after girls and boys (none without a
 * total, as for the school's children in db/schools/school-children.ts).
 */
export function profileFromRegistry(school: SchoolRow): SchoolProfile {
  const { enrolmentGirls: girls, enrolmentBoys: boys, enrolmentTotal: total } = school;
  const rest = girls === null || boys === null ? null : Math.max(0, (total ?? girls + boys) - girls - boys);
  return {
    schoolId: school.id,
    name: school.name,
    ...(school.code && school.codeSystem === 'udise' ? { udiseCode: school.code } : {}),
    address: school.village ?? '',
    students: { girls, boys, other: school.enrolmentOther ?? rest },
    childrenWithSpecialNeeds: both(school.enrolmentDisabledGirls, school.enrolmentDisabledBoys),
    teachers: both(school.teachersFemale, school.teachersMale),
    nonTeachingStaff: 0,
    buildings: 0,
    buses: [],
  };
}

export function emptyPlanContent(profile: SchoolProfile): PlanContent {
  return {
    profile,
    people: [],
    hazardAssessment: { nonStructural: [], structural: [], outsideCampus: [], pastIncidents: [], vulnerableSpots: [] },
    committee: [],
    taskForces: [],
    sops: [],
    emergencyContacts: [],
    evacuationRoutes: [],
    assemblyPoints: [],
    resources: [],
    trainingPlan: [],
    drillSchedule: [],
  };
}

/** Sections sent replace the stored ones; sections left out stay; the profile merges field by field. */
export function mergePlanContent(stored: PlanContent, draft: PlanContentDraft): PlanContent {
  const { profile, ...sections } = draft;
  const defined = Object.fromEntries(Object.entries(sections).filter(([, value]) => value !== undefined)) as Partial<PlanContent>;
  return { ...stored, ...defined, profile: { ...stored.profile, ...profile, schoolId: stored.profile.schoolId } };
}
