import { lazy, Suspense, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { TextField } from '../../components/text-field';
import { uuidv7 } from '../../lib/uuid-v7';
import { INDIA_CENTER } from '../home/map-style';
import type { PlanContent } from './types';

// MapLibre is large and needs WebGL: load it only when this section is shown.
const EvacuationMap = lazy(() => import('./evacuation-map').then((m) => ({ default: m.EvacuationMap })));

type LonLat = [number, number];
type Routes = PlanContent['evacuationRoutes'];
type Points = PlanContent['assemblyPoints'];

interface EvacuationSectionProps {
  routes: Routes;
  points: Points;
  schoolPoint: LonLat | null;
  onRoutes: (routes: Routes) => void;
  onPoints: (points: Points) => void;
  disabled: boolean;
}

/** Assembly points placed by a click; a route drawn as a sequence of clicks, then finished and named. */
export function EvacuationSection({ routes, points, schoolPoint, onRoutes, onPoints, disabled }: EvacuationSectionProps) {
  const { t } = useTranslation();
  const [mode, setMode] = useState<'point' | 'route'>('point');
  const [draft, setDraft] = useState<LonLat[]>([]);
  const first = points[0]?.point ?? routes[0]?.coordinates[0];
  const center: LonLat = schoolPoint ?? (first ? [first[0], first[1]] : INDIA_CENTER);

  const onMapClick = (lonLat: LonLat) => {
    if (disabled) return;
    if (mode === 'route') setDraft((d) => [...d, lonLat]);
    else onPoints([...points, { id: uuidv7(), name: t('plan.map.pointName', { n: points.length + 1 }), point: lonLat }]);
  };
  const finishRoute = () => {
    onRoutes([...routes, { id: uuidv7(), name: t('plan.map.routeName', { n: routes.length + 1 }), coordinates: draft }]);
    setDraft([]);
  };

  return (
    <>
      <p className="muted">{t('plan.map.intro')}</p>
      <div className="cascade" role="group" aria-label={t('plan.map.modeLabel')}>
        <button type="button" className={`button small ${mode === 'point' ? '' : 'secondary'}`} aria-pressed={mode === 'point'} disabled={disabled} onClick={() => setMode('point')}>
          {t('plan.map.modePoint')}
        </button>
        <button type="button" className={`button small ${mode === 'route' ? '' : 'secondary'}`} aria-pressed={mode === 'route'} disabled={disabled} onClick={() => setMode('route')}>
          {t('plan.map.modeRoute')}
        </button>
        {mode === 'route' && (
          <>
            <button type="button" className="button small" disabled={disabled || draft.length < 2} onClick={finishRoute}>
              {t('plan.map.finishRoute', { count: draft.length })}
            </button>
            <button type="button" className="button secondary small" disabled={draft.length === 0} onClick={() => setDraft([])}>
              {t('plan.map.discardRoute')}
            </button>
          </>
        )}
      </div>
      <Suspense fallback={<p className="muted">{t('map.loading')}</p>}>
        <EvacuationMap center={center} routes={routes} points={points} draft={draft} onClick={onMapClick} />
      </Suspense>
      <fieldset className="fieldset">
        <legend>{t('plan.map.points')}</legend>
        {points.length === 0 && <p className="muted">{t('plan.map.noPoints')}</p>}
        {points.map((point) => (
          <div key={point.id} className="cascade">
            <TextField
              label={t('plan.map.pointNameLabel')}
              value={point.name}
              disabled={disabled}
              onChange={(e) => onPoints(points.map((p) => (p.id === point.id ? { ...p, name: e.target.value } : p)))}
            />
            <TextField
              label={t('plan.map.capacity')}
              type="number"
              min={0}
              value={point.capacity === undefined ? '' : String(point.capacity)}
              disabled={disabled}
              onChange={(e) => {
                const { capacity: _old, ...rest } = point;
                onPoints(points.map((p) => (p.id === point.id ? (Number.isFinite(e.target.valueAsNumber) ? { ...rest, capacity: e.target.valueAsNumber } : rest) : p)));
              }}
            />
            <button type="button" className="button secondary small" disabled={disabled} onClick={() => onPoints(points.filter((p) => p.id !== point.id))}>
              {t('plan.remove')}
            </button>
          </div>
        ))}
      </fieldset>
      <fieldset className="fieldset">
        <legend>{t('plan.map.routes')}</legend>
        {routes.length === 0 && <p className="muted">{t('plan.map.noRoutes')}</p>}
        {routes.map((route) => (
          <div key={route.id} className="cascade">
            <TextField
              label={t('plan.map.routeNameLabel')}
              hint={t('plan.map.routePoints', { count: route.coordinates.length })}
              value={route.name}
              disabled={disabled}
              onChange={(e) => onRoutes(routes.map((r) => (r.id === route.id ? { ...r, name: e.target.value } : r)))}
            />
            <button type="button" className="button secondary small" disabled={disabled} onClick={() => onRoutes(routes.filter((r) => r.id !== route.id))}>
              {t('plan.remove')}
            </button>
          </div>
        ))}
      </fieldset>
    </>
  );
}
