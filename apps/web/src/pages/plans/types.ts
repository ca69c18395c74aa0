import type { getSchoolPlan, listPlans, ResponseOf } from '@safeschools/contract';

export type Plan = ResponseOf<typeof getSchoolPlan>;
export type PlanContent = Plan['content'];
export type PlanPerson = PlanContent['people'][number];
export type PlanMember = PlanContent['taskForces'][number]['members'][number];
export type TaskForce = PlanContent['taskForces'][number];
export type CommitteeEntry = PlanContent['committee'][number];
export type PlanSummary = ResponseOf<typeof listPlans>['items'][number];
export type PlanProblem = { code: string; path: string; message: string };

/** Changes one section of the draft; each section editor gets only its own slice. */
export type SectionChange<K extends keyof PlanContent> = (value: PlanContent[K]) => void;
