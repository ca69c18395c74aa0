import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import type { GeoJSONSource, Map as MapLibreMap } from 'maplibre-gl';
import { mapLocale, maplibregl } from '../../components/map-setup';
import { emptyMapStyle, INDIA_CENTER, INDIA_ZOOM } from '../home/map-style';
import { schoolPopup } from '../home/school-popup';
import { addHazardLayers, SCHOOLS_LAYER, SCHOOLS_SOURCE } from './hazard-layers';
import { asFeatureCollection, displayBbox, displayValues, rampFor, schoolFeatures } from './hazard-style';
import type { AffectedSchool, EventWithDisplay } from './types';
import { useCheckInLayer } from './check-ins/check-in-layer';

/**
 * Marks on the container how many affected schools the map has drawn, once it is idle: the end-to-end test
 * reads it to know the schools reached the canvas, not only the table.
 */
function markRendered(map: MapLibreMap, container: HTMLElement): void {
  if (!map.getLayer(SCHOOLS_LAYER)) return;
  const ids = new Set(map.queryRenderedFeatures({ layers: [SCHOOLS_LAYER] }).map((f) => String(f.properties.id)));
  container.dataset.state = 'loaded';
  container.dataset.renderedSchools = String(ids.size);
}

/** The event's hazard and its affected schools (coloured by band) on the tile-free map, fitted to the hazard. */
export function HazardMap({ event, schools }: { event: EventWithDisplay; schools: readonly AffectedSchool[] }) {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const container = useRef<HTMLDivElement>(null);
  const mapRef = useRef<MapLibreMap | null>(null);
  // Read when the map has loaded, so the first draw has the schools that arrived meanwhile.
  const schoolsRef = useRef(schools);
  // The schools' answers (check-ins), ringed in their status colour over the band colours.
  const checkInLayer = useCheckInLayer(mapRef, event.id);

  useEffect(() => {
    const element = container.current;
    if (!element) return;
    const display = asFeatureCollection(event.display);
    const bbox = displayBbox(event.display);
    const map = new maplibregl.Map({
      container: element,
      style: emptyMapStyle(),
      center: INDIA_CENTER,
      zoom: INDIA_ZOOM,
      attributionControl: false,
      locale: mapLocale(t, t('events.map.label', { title: event.title })),
      cooperativeGestures: true,
    });
    mapRef.current = map;
    map.addControl(new maplibregl.NavigationControl({ showCompass: false }), 'top-right');
    if (bbox) map.fitBounds(bbox, { padding: 40, animate: false, maxZoom: 12 });
    map.on('load', () => {
      addHazardLayers(map, display, rampFor(event.imt, displayValues(display)), schoolFeatures(schoolsRef.current));
      checkInLayer.addTo(map);
      map.on('click', SCHOOLS_LAYER, (clicked) => {
        const feature = clicked.features?.[0];
        const id = feature?.properties?.id as string | undefined;
        if (!feature || !id) return;
        new maplibregl.Popup({ closeButton: true })
          .setLngLat(clicked.lngLat)
          .setDOMContent(schoolPopup(String(feature.properties.name ?? ''), `/schools/${id}`, t('map.openSchool'), (href) => void navigate(href)))
          .addTo(map);
      });
    });
    map.on('idle', () => markRendered(map, element));
    return () => {
      mapRef.current = null;
      map.remove();
    };
    // Rebuilt when the language changes so the controls' labels follow it.
  }, [t, i18n.language, navigate, event]);

  // Schools arrive page by page after the map is built: replace the source's data instead of rebuilding.
  useEffect(() => {
    schoolsRef.current = schools;
    const source = mapRef.current?.getSource<GeoJSONSource>(SCHOOLS_SOURCE);
    if (source) void source.setData(schoolFeatures(schools));
  }, [schools]);

  return <div ref={container} className="map" data-state="loading" data-testid="hazard-map" />;
}
