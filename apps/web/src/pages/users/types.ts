import type { ResponseOf, listAreas, listUsers } from '@safeschools/contract';

export type User = ResponseOf<typeof listUsers>['items'][number];
export type Area = ResponseOf<typeof listAreas>['items'][number];
export type AreaLevel = Area['level'];
export const areaLevels: readonly AreaLevel[] = ['country', 'state', 'district', 'block'];
