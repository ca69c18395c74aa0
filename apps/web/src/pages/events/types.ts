import type { getEvent, getEventImpact, listEvents, ResponseOf } from '@safeschools/contract';

export type HazardEvent = ResponseOf<typeof listEvents>['items'][number];
export type EventWithDisplay = ResponseOf<typeof getEvent>;
export type EventImpact = ResponseOf<typeof getEventImpact>;
export type AffectedSchool = EventImpact['schools']['items'][number];
export type AreaImpact = EventImpact['areas'][number];
