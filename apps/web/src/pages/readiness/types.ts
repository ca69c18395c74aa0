import type { ResponseOf, getPriorityList, getReadiness, listFlaggedSchools } from '@safeschools/contract';

export type Readiness = ResponseOf<typeof getReadiness>;
export type Figure = Readiness['approvedPlan'];
export type Histogram = Readiness['pillarDistribution'][string];
export type FlaggedSchool = ResponseOf<typeof listFlaggedSchools>['items'][number];
export type PriorityList = ResponseOf<typeof getPriorityList>;

/** The figures that list schools, in the order the dashboard shows them. */
export const figureKeys = ['approvedPlan', 'drilledRecently', 'taskForcesTrained', 'flagged'] as const;
export type FigureKey = (typeof figureKeys)[number];
