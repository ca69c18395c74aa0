import { useTranslation } from 'react-i18next';
import { taskForceLabels, type StandardTaskForceType } from '@safeschools/domain';
import { useSafetyLanguage } from '../plans/ui-language';
import type { TaskForceStatus } from './types';

/** Which of the plan's task forces count as trained: every member attended the matching module. */
export function TaskForceStatusList({ forces, personName }: { forces: readonly TaskForceStatus[]; personName: (id: string) => string }) {
  const { t } = useTranslation();
  const lang = useSafetyLanguage();
  if (forces.length === 0) return <p className="muted">{t('training.noTaskForces')}</p>;
  const name = (f: TaskForceStatus) =>
    f.type in taskForceLabels ? taskForceLabels[f.type as StandardTaskForceType][lang] : f.customName || t('plan.taskForces.customUnnamed');
  return (
    <ul>
      {forces.map((force) => (
        <li key={force.taskForceId}>
          <strong>{name(force)}</strong>
          {`: ${t(`training.forceStatus.${force.status}`)}`}
          {force.untrainedPersonIds.length > 0 && (
            <span className="muted">{` ${t('training.untrained', { names: force.untrainedPersonIds.map(personName).join(', ') })}`}</span>
          )}
        </li>
      ))}
    </ul>
  );
}
