import type { ResponseOf, getPriorityList, getReadiness, listFlaggedSchools, listReadinessSchools, QueryOf } from '@safeschools/contract';

export type Readiness = ResponseOf<typeof getReadiness>;
export type Figure = Readiness['approvedPlan'];
export type Histogram = Readiness['pillarDistribution'][string];
export type FlaggedSchool = ResponseOf<typeof listFlaggedSchools>['items'][number];
export type PriorityList = ResponseOf<typeof getPriorityList>;
export type ReadinessSchool = ResponseOf<typeof listReadinessSchools>['items'][number];
export type ReadinessFilter = QueryOf<typeof listReadinessSchools>['filter'];

/** The figures that list schools, in the order the dashboard shows them. */
export const figureKeys = ['approvedPlan', 'drilledRecently', 'taskForcesTrained', 'flagged', 'noPlan', 'overdueDrill'] as const;
export type FigureKey = (typeof figureKeys)[number];

/** The `filter` of GET /api/v1/readiness/schools that lists the schools a figure counts. */
export const figureFilter = {
  approvedPlan: 'approved-plan',
  drilledRecently: 'recent-drill',
  taskForcesTrained: 'trained',
  flagged: 'flagged',
  noPlan: 'no-plan',
  overdueDrill: 'overdue-drill',
} as const satisfies Record<FigureKey, ReadinessFilter>;
