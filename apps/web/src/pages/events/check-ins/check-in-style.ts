import type { FeatureCollection } from 'geojson';
import type { CheckInStatus, listEventCheckIns, ResponseOf } from '@safeschools/contract';

export type EventCheckIns = ResponseOf<typeof listEventCheckIns>;
export type SchoolCheckIn = EventCheckIns['schools'][number];

export const checkInStatuses: readonly CheckInStatus[] = ['all_safe', 'some_injured', 'building_damaged', 'need_help'];

/** Colours of the answers on the map and in the legend; "not answered" is grey. */
export const checkInColours: Record<CheckInStatus | 'none', string> = {
  all_safe: '#1a7f37',
  some_injured: '#d97706',
  building_damaged: '#8250df',
  need_help: '#cf222e',
  none: '#8c959f',
};

/** Points of the schools with a location: status (or `none`) and name, for the map layer. */
export function checkInFeatures(schools: readonly SchoolCheckIn[]): FeatureCollection {
  return {
    type: 'FeatureCollection',
    features: schools
      .filter((s) => s.lon !== null && s.lat !== null)
      .map((s) => ({
        type: 'Feature',
        geometry: { type: 'Point', coordinates: [s.lon!, s.lat!] },
        properties: { id: s.schoolId, name: s.name, status: s.answer?.status ?? 'none', told: s.toldAt !== null },
      })),
  };
}
