import { useTranslation } from 'react-i18next';
import { planSectionLabels, planSections, type PlanSection } from '@safeschools/domain';
import { useSafetyLanguage } from './ui-language';
import type { PlanProblem } from './types';

const sectionSet = new Set<string>(planSections);

/** The plan section a problem path starts with ("taskForces.tf-1" → taskForces), if it names one. */
function sectionOf(path: string): PlanSection | null {
  const head = path.split('.')[0] ?? '';
  return sectionSet.has(head) ? (head as PlanSection) : null;
}

/**
 * Problems from the local check or from the server, each in the interface language. An unknown code falls back
 * to a generic sentence: the server's English message is for developers.
 */
export function PlanProblems({ problems, title }: { problems: readonly PlanProblem[]; title: string }) {
  const { t } = useTranslation();
  const lang = useSafetyLanguage();
  return (
    <section className="warning" aria-label={title}>
      <h3>{title}</h3>
      <ul>
        {problems.map((problem, index) => {
          const section = sectionOf(problem.path);
          return (
            <li key={`${problem.code}-${problem.path}-${index}`}>
              {section && <strong>{`${planSectionLabels[section][lang]}: `}</strong>}
              {t(`planProblems.${problem.code}`, { defaultValue: t('planProblems.UNKNOWN') })}
            </li>
          );
        })}
      </ul>
    </section>
  );
}
