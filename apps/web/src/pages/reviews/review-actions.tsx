import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '@safeschools/contract';
import { errorMessage, fieldErrors, type FieldErrors } from '../../api/errors';
import { TextField } from '../../components/text-field';
import { sendResolution, type Resolution } from './send-resolution';
import type { Review } from './types';

type Form = 'move_point' | 'dismiss' | null;

/** Refusals that no second try of the same decision can overcome: the review the person saw is out of date. */
const staleCodes = new Set(['REVIEW_SETTLED', 'VERSION_CONFLICT']);

/** A decimal degree within its range, or null (a comma is accepted as the decimal mark). */
function degrees(text: string, limit: number): number | null {
  const value = Number(text.trim().replace(',', '.'));
  return text.trim() !== '' && Number.isFinite(value) && Math.abs(value) <= limit ? value : null;
}

/**
 * The four decisions on an open review; the two that need more (a point, a reason) open a small form. When someone
 * else got there first, the decisions give way to a reload of the list.
 */
export function ReviewActions({
  review,
  onResolved,
  onStale,
}: {
  review: Review;
  onResolved: (review: Review) => void;
  onStale: () => void;
}) {
  const { t } = useTranslation();
  const [form, setForm] = useState<Form>(null);
  const [lon, setLon] = useState(
    review.school?.lon === null || review.school?.lon === undefined ? '' : String(review.school.lon),
  );
  const [lat, setLat] = useState(
    review.school?.lat === null || review.school?.lat === undefined ? '' : String(review.school.lat),
  );
  const [comment, setComment] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [fields, setFields] = useState<FieldErrors>({});
  const [stale, setStale] = useState(false);

  const send = async (resolution: Resolution) => {
    setBusy(true);
    setError(null);
    setFields({});
    try {
      onResolved(await sendResolution(review, resolution));
    } catch (caught) {
      setError(errorMessage(t, caught));
      setFields(fieldErrors(t, caught));
      setStale(caught instanceof ApiError && staleCodes.has(caught.code));
    } finally {
      setBusy(false);
    }
  };

  const submitForm = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const trimmed = comment.trim();
    if (form === 'dismiss') {
      if (!trimmed) return setFields({ comment: t('fieldErrors.required') });
      return void send({ action: 'dismiss', comment: trimmed });
    }
    const x = degrees(lon, 180);
    const y = degrees(lat, 90);
    if (x === null || y === null) {
      return setFields({
        ...(x === null ? { lon: t('reviews.actions.lonInvalid') } : {}),
        ...(y === null ? { lat: t('reviews.actions.latInvalid') } : {}),
      });
    }
    void send({ action: 'move_point', lon: x, lat: y, ...(trimmed ? { comment: trimmed } : {}) });
  };

  if (stale) {
    return (
      <div className="stack">
        <p className="alert" role="alert">
          {error}
        </p>
        <p>
          <button type="button" className="button secondary" onClick={onStale}>
            {t('reviews.actions.reload')}
          </button>
        </p>
      </div>
    );
  }

  return (
    <div className="stack">
      <div className="copy-row" role="group" aria-label={t('reviews.actions.label')}>
        <button type="button" className="button" disabled={busy} onClick={() => void send({ action: 'accept_location' })}>
          {t('reviews.actions.accept_location')}
        </button>
        <button type="button" className="button" disabled={busy} onClick={() => void send({ action: 'accept_declared' })}>
          {t('reviews.actions.accept_declared')}
        </button>
        <button
          type="button"
          className="button secondary"
          disabled={busy}
          aria-expanded={form === 'move_point'}
          onClick={() => setForm('move_point')}
        >
          {t('reviews.actions.move_point')}
        </button>
        <button
          type="button"
          className="button secondary"
          disabled={busy}
          aria-expanded={form === 'dismiss'}
          onClick={() => setForm('dismiss')}
        >
          {t('reviews.actions.dismiss')}
        </button>
      </div>
      {form !== null && (
        <form onSubmit={submitForm} noValidate className="stack" aria-label={t(`reviews.actions.${form}`)}>
          {form === 'move_point' && (
            <div className="filters">
              <TextField
                label={t('reviews.actions.lon')}
                inputMode="decimal"
                value={lon}
                error={fields.lon}
                onChange={(e) => setLon(e.target.value)}
              />
              <TextField
                label={t('reviews.actions.lat')}
                inputMode="decimal"
                value={lat}
                error={fields.lat}
                onChange={(e) => setLat(e.target.value)}
              />
            </div>
          )}
          <TextField
            label={form === 'dismiss' ? t('reviews.actions.reason') : t('reviews.actions.comment')}
            required={form === 'dismiss'}
            value={comment}
            error={fields.comment}
            onChange={(e) => setComment(e.target.value)}
          />
          <div className="copy-row">
            <button type="submit" className="button" disabled={busy}>
              {form === 'dismiss' ? t('reviews.actions.confirmDismiss') : t('reviews.actions.confirmMove')}
            </button>
            <button type="button" className="button secondary" disabled={busy} onClick={() => setForm(null)}>
              {t('reviews.actions.cancel')}
            </button>
          </div>
        </form>
      )}
      {error && (
        <p className="alert" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}
