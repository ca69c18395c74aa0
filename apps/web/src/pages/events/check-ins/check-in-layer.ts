import { useCallback, useEffect, useMemo, useRef, type RefObject } from 'react';
import type { ExpressionSpecification, GeoJSONSource, Map as MapLibreMap } from 'maplibre-gl';
import { listEventCheckIns } from '@safeschools/contract';
import { api } from '../../../api/client';
import { useApiQuery } from '../../../hooks/use-api-query';
import { checkInColours, checkInFeatures, checkInStatuses } from './check-in-style';

export const CHECK_INS_SOURCE = 'check-ins';
export const CHECK_INS_LAYER = 'check-ins';

const colour = [
  'match',
  ['get', 'status'],
  ...checkInStatuses.flatMap((s) => [s, checkInColours[s]]),
  checkInColours.none,
] as unknown as ExpressionSpecification;

/** A ring around each told school, coloured by its answer, over the schools' band colours. */
function addCheckInLayer(map: MapLibreMap, data: ReturnType<typeof checkInFeatures>): void {
  if (map.getSource(CHECK_INS_SOURCE)) return;
  map.addSource(CHECK_INS_SOURCE, { type: 'geojson', data });
  map.addLayer({
    id: CHECK_INS_LAYER,
    type: 'circle',
    source: CHECK_INS_SOURCE,
    filter: ['any', ['get', 'told'], ['!=', ['get', 'status'], 'none']],
    paint: { 'circle-radius': 10, 'circle-opacity': 0, 'circle-stroke-width': 3.5, 'circle-stroke-color': colour },
  });
}

/**
 * The schools' answers as a layer of the event map. `addTo` goes in the map's load handler (the map is rebuilt
 * when the language changes); answers that arrive later replace the layer's data.
 */
export function useCheckInLayer(mapRef: RefObject<MapLibreMap | null>, eventId: string): { addTo: (map: MapLibreMap) => void } {
  const query = useApiQuery(`event-check-ins-map:${eventId}`, (signal) => api(listEventCheckIns, { params: { id: eventId }, signal }));
  const schools = query.status === 'success' ? query.data.schools : null;
  const data = useMemo(() => checkInFeatures(schools ?? []), [schools]);
  const dataRef = useRef(data);
  useEffect(() => {
    dataRef.current = data;
    const source = mapRef.current?.getSource<GeoJSONSource>(CHECK_INS_SOURCE);
    if (source) void source.setData(data);
  }, [data, mapRef]);
  const addTo = useCallback((map: MapLibreMap) => addCheckInLayer(map, dataRef.current), []);
  return useMemo(() => ({ addTo }), [addTo]);
}
