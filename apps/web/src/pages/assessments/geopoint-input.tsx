import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { GeoPoint } from '@safeschools/domain';

function asPoint(value: unknown): GeoPoint | null {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return null;
  const { lat, lon } = value as Partial<GeoPoint>;
  return typeof lat === 'number' && typeof lon === 'number' ? (value as GeoPoint) : null;
}

/** Latitude and longitude typed in or taken from the device; the answer exists only once both are numbers. */
export function GeopointInput({ value, onChange }: { value: unknown; onChange: (point: GeoPoint | undefined) => void }) {
  const { t } = useTranslation();
  const id = useId();
  const point = asPoint(value);
  const [lat, setLat] = useState(point ? String(point.lat) : '');
  const [lon, setLon] = useState(point ? String(point.lon) : '');
  const [locating, setLocating] = useState(false);
  const [locateError, setLocateError] = useState<string | null>(null);

  const update = (nextLat: string, nextLon: string, accuracyM?: number) => {
    setLat(nextLat);
    setLon(nextLon);
    const la = Number(nextLat);
    const lo = Number(nextLon);
    const both = nextLat.trim() !== '' && nextLon.trim() !== '' && Number.isFinite(la) && Number.isFinite(lo);
    onChange(both ? { lat: la, lon: lo, ...(accuracyM === undefined ? {} : { accuracyM }) } : undefined);
  };

  const locate = () => {
    if (!('geolocation' in navigator)) {
      setLocateError(t('assessment.geopoint.unavailable'));
      return;
    }
    setLocating(true);
    setLocateError(null);
    navigator.geolocation.getCurrentPosition(
      (position) => {
        setLocating(false);
        const { latitude, longitude, accuracy } = position.coords;
        update(String(Number(latitude.toFixed(6))), String(Number(longitude.toFixed(6))), Math.round(accuracy));
      },
      () => {
        setLocating(false);
        setLocateError(t('assessment.geopoint.failed'));
      },
      { enableHighAccuracy: true, timeout: 20_000 },
    );
  };

  return (
    <div className="stack">
      <div className="filters">
        <div className="field">
          <label htmlFor={`${id}-lat`}>{t('assessment.geopoint.latitude')}</label>
          <input id={`${id}-lat`} type="number" step="any" min={-90} max={90} value={lat} onChange={(e) => update(e.target.value, lon)} />
        </div>
        <div className="field">
          <label htmlFor={`${id}-lon`}>{t('assessment.geopoint.longitude')}</label>
          <input id={`${id}-lon`} type="number" step="any" min={-180} max={180} value={lon} onChange={(e) => update(lat, e.target.value)} />
        </div>
      </div>
      <p>
        <button type="button" className="button secondary" onClick={locate} disabled={locating}>
          {locating ? t('assessment.geopoint.locating') : t('assessment.geopoint.useMyLocation')}
        </button>
      </p>
      {locateError && (
        <p className="field-error" role="alert">
          {locateError}
        </p>
      )}
    </div>
  );
}
