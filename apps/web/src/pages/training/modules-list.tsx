import { useTranslation } from 'react-i18next';
import { taskForceLabels } from '@safeschools/domain';
import { useSafetyLanguage } from '../plans/ui-language';
import type { TrainingModule } from './types';

/** The module catalogue, titles in the interface language, with who each module is for. */
export function ModulesList({ modules }: { modules: readonly TrainingModule[] }) {
  const { t } = useTranslation();
  const lang = useSafetyLanguage();
  return (
    <ul>
      {modules.map((module) => (
        <li key={module.id}>
          <strong>{module.title[lang]}</strong>
          <span className="muted">
            {` · ${module.audiences.map((a) => t(`training.audiences.${a}`)).join(', ')}`}
            {module.taskForceType && ` · ${t('training.trainsTaskForce', { name: taskForceLabels[module.taskForceType][lang] })}`}
          </span>
        </li>
      ))}
    </ul>
  );
}
