import type { listDueDrills, listSchoolDrills, RecordDrillBody, ResponseOf } from '@safeschools/contract';
import type { z } from 'zod';

export type SchoolDrills = ResponseOf<typeof listSchoolDrills>;
export type Drill = SchoolDrills['items'][number];
export type DrillTrend = SchoolDrills['trend']['classroomsOut'];
export type CorrectiveAction = Drill['correctiveActions'][number];
export type NewDrill = z.input<typeof RecordDrillBody>;
export type NewCorrectiveAction = NonNullable<NewDrill['correctiveActions']>[number];
export type SchoolDrillsDue = ResponseOf<typeof listDueDrills>['items'][number];
