import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { planSectionLabels, type PlanSection } from '@safeschools/domain';
import { useSafetyLanguage } from './ui-language';

interface SectionPanelProps {
  /** A plan section (titled with the domain's label) or a free title for parts that are not sections, like people. */
  section: PlanSection | { title: string };
  needsUpdate?: boolean;
  open?: boolean;
  children: ReactNode;
}

/** One collapsible plan section; the plan is long, so only what the user opens is in the way. */
export function SectionPanel({ section, needsUpdate = false, open = false, children }: SectionPanelProps) {
  const { t } = useTranslation();
  const lang = useSafetyLanguage();
  const title = typeof section === 'string' ? planSectionLabels[section][lang] : section.title;
  return (
    <details className="card" open={open}>
      <summary>
        <strong>{title}</strong>
        {needsUpdate && <span className="warning">{` ${t('plan.needsUpdate')}`}</span>}
      </summary>
      <div className="stack">{children}</div>
    </details>
  );
}
