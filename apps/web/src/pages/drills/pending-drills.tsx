import { useTranslation } from 'react-i18next';
import { useFormatters } from '../../hooks/use-formatters';
import { useOutboxItems } from '../../offline/use-outbox';
import type { NewDrill } from './types';

/** Drills recorded on this device that the server has not received yet; counts only, as on a recorded drill. */
export function PendingDrills({ schoolId }: { schoolId: string }) {
  const { t } = useTranslation();
  const { number, dateTime } = useFormatters();
  const drills = useOutboxItems().filter((item) => item.endpointId === 'recordDrill' && item.params.id === schoolId);
  if (drills.length === 0) return null;
  return (
    <section className="stack" aria-labelledby="drills-pending-title">
      <h2 id="drills-pending-title">{t('offline.pendingBadge')}</h2>
      {drills.map((item) => {
        const drill = item.body as NewDrill;
        const p = drill.participants;
        const when = dateTime(drill.startedAt);
        return (
          <article key={item.seq} className="card stack" aria-label={t('drills.cardLabel', { hazard: t(`plan.hazards.${drill.hazard}`), when })}>
            <h3>{`${t(`plan.hazards.${drill.hazard}`)} · ${when}`}</h3>
            <p>
              <strong>{t('offline.pendingBadge')}</strong>
            </p>
            {drill.scenario && <p>{drill.scenario}</p>}
            <p className="muted">
              {t('drills.participantsSummary', {
                children: number(p.girls + p.boys + p.otherChildren),
                special: number(p.childrenWithSpecialNeeds),
                teachers: number(p.teachers),
                staff: number(p.staff),
              })}
            </p>
          </article>
        );
      })}
    </section>
  );
}
