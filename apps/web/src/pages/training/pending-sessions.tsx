import { useTranslation } from 'react-i18next';
import { useFormatters } from '../../hooks/use-formatters';
import { useOutboxItems } from '../../offline/use-outbox';
import { formatDay } from '../plans/format-day';
import { useSafetyLanguage } from '../plans/ui-language';
import type { NewSession, TrainingModule } from './types';

/** Sessions recorded on this device that the server has not received yet. */
export function PendingSessions({ schoolId, modules }: { schoolId: string; modules: readonly TrainingModule[] }) {
  const { t, i18n } = useTranslation();
  const { number } = useFormatters();
  const lang = useSafetyLanguage();
  const sessions = useOutboxItems().filter((item) => item.endpointId === 'recordTrainingSession' && item.params.id === schoolId);
  if (sessions.length === 0) return null;
  const titles = new Map(modules.map((m) => [m.id, m.title[lang]]));
  return (
    <section className="card" aria-labelledby="training-pending-title">
      <h2 id="training-pending-title">{t('offline.pendingBadge')}</h2>
      <ul>
        {sessions.map((item) => {
          const session = item.body as NewSession;
          const p = session.participants;
          return (
            <li key={item.seq}>
              <strong>{titles.get(session.moduleId) ?? session.moduleId}</strong>
              {` · ${formatDay(session.heldOn, i18n.language)} · ${t(`training.audiences.${session.audience}`)} · `}
              {t('training.participantsSummary', {
                total: number(p.female + p.male + p.other),
                female: number(p.female),
                male: number(p.male),
                disability: number(p.withDisability),
              })}
            </li>
          );
        })}
      </ul>
    </section>
  );
}
