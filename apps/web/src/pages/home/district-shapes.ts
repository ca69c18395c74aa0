import { areaRollup, type ResponseOf } from '@safeschools/contract';
import type { Feature, FeatureCollection, Geometry } from 'geojson';
import { api } from '../../api/client';

type RollupItem = ResponseOf<typeof areaRollup>['items'][number];

/** Districts with a shape, as GeoJSON features carrying their school counts, for the choropleth. */
export function districtFeatures(items: readonly RollupItem[], language: string): FeatureCollection {
  const features: Feature[] = [];
  for (const item of items) {
    if (!item.geometry) continue;
    features.push({
      type: 'Feature',
      geometry: item.geometry as Geometry,
      // children: null when no school of the district has an enrolment (unknown, not 0).
      properties: {
        id: item.areaId,
        name: item.names[language] ?? item.name,
        schools: item.schools,
        children: item.children.total,
      },
    });
  }
  return { type: 'FeatureCollection', features };
}

export async function loadDistrictShapes(language: string): Promise<FeatureCollection> {
  const { items } = await api(areaRollup, { query: { level: 'district', geometry: 'simplified' } });
  return districtFeatures(items, language);
}
