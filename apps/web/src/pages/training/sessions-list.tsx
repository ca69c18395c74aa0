import { useTranslation } from 'react-i18next';
import { useFormatters } from '../../hooks/use-formatters';
import { formatDay } from '../plans/format-day';
import { useSafetyLanguage } from '../plans/ui-language';
import type { TrainingModule, TrainingSession } from './types';

/** Sessions held, newest first as the server sends them. */
export function SessionsList({ sessions, modules }: { sessions: readonly TrainingSession[]; modules: readonly TrainingModule[] }) {
  const { t, i18n } = useTranslation();
  const { number } = useFormatters();
  const lang = useSafetyLanguage();
  const titles = new Map(modules.map((m) => [m.id, m.title[lang]]));
  if (sessions.length === 0) return <p className="muted">{t('training.noSessions')}</p>;
  const columns = {
    date: t('training.columns.date'),
    audience: t('training.columns.audience'),
    participants: t('training.columns.participants'),
    scores: t('training.columns.scores'),
  };
  const score = (value: number | undefined) => (value === undefined ? '—' : number(value));
  return (
    <table className="responsive-table">
      <caption className="visually-hidden">{t('training.sessionsTitle')}</caption>
      <thead>
        <tr>
          <th scope="col">{t('training.module')}</th>
          <th scope="col">{columns.date}</th>
          <th scope="col">{columns.audience}</th>
          <th scope="col">{columns.participants}</th>
          <th scope="col">{columns.scores}</th>
        </tr>
      </thead>
      <tbody>
        {sessions.map((session) => {
          const p = session.participants;
          return (
            <tr key={session.id}>
              <th scope="row">{titles.get(session.moduleId) ?? session.moduleId}</th>
              <td data-label={columns.date}>{formatDay(session.heldOn, i18n.language)}</td>
              <td data-label={columns.audience}>{t(`training.audiences.${session.audience}`)}</td>
              <td data-label={columns.participants}>
                {t('training.participantsSummary', {
                  total: number(p.female + p.male + p.other),
                  female: number(p.female),
                  male: number(p.male),
                  disability: number(p.withDisability),
                })}
              </td>
              <td data-label={columns.scores}>{t('training.scores', { pre: score(session.preTestAverage), post: score(session.postTestAverage) })}</td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
