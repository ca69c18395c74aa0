import type { PlanContent, SchoolProfile } from '@safeschools/domain';
import type { SchoolRow } from '../../db/schools/schools.repository.js';

/** What a draft save may carry: any sections, and the profile field by field. */
export type PlanContentDraft = Partial<Omit<PlanContent, 'profile'>> & { profile?: Partial<Omit<SchoolProfile, 'schoolId'>> };

/**
 * The profile as the registry knows the school, for a new plan. Only what the registry holds is filled; the
 * focal point completes the rest (special needs, staff, buildings, buses).
 */
export function profileFromRegistry(school: SchoolRow): SchoolProfile {
  const girls = school.enrolmentGirls ?? 0;
  const boys = school.enrolmentBoys ?? 0;
  return {
    schoolId: school.id,
    name: school.name,
    ...(school.code && school.codeSystem === 'udise' ? { udiseCode: school.code } : {}),
    address: school.village ?? '',
    students: { girls, boys, other: Math.max(0, (school.enrolmentTotal ?? girls + boys) - girls - boys) },
    childrenWithSpecialNeeds: 0,
    teachers: (school.teachersFemale ?? 0) + (school.teachersMale ?? 0),
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
