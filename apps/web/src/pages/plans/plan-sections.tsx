import { useTranslation } from 'react-i18next';
import type { PlanSection } from '@safeschools/domain';
import { CommitteeSection } from './committee-section';
import { ContactsSection } from './contacts-section';
import { DrillScheduleSection } from './drill-schedule-section';
import { EvacuationSection } from './evacuation-section';
import { HazardAssessmentSection } from './hazard-assessment-section';
import { PeopleSection } from './people-section';
import { ProfileSection } from './profile-section';
import { ResourcesSection } from './resources-section';
import { SectionPanel } from './section-panel';
import { SopsSection } from './sops-section';
import { TaskForcesSection } from './task-forces-section';
import { TrainingPlanSection } from './training-plan-section';
import type { PlanContent } from './types';

interface PlanSectionsProps {
  content: PlanContent;
  onChange: (content: PlanContent) => void;
  needingUpdate: readonly PlanSection[];
  schoolPoint: [number, number] | null;
  disabled: boolean;
}

/** Every part of the plan, in the Annexure 8 order, each a collapsible panel. */
export function PlanSections({ content, onChange, needingUpdate, schoolPoint, disabled }: PlanSectionsProps) {
  const { t } = useTranslation();
  const set =
    <K extends keyof PlanContent>(key: K) =>
    (value: PlanContent[K]) =>
      onChange({ ...content, [key]: value });
  const marked = (section: PlanSection) => needingUpdate.includes(section);
  return (
    <div className="stack">
      <SectionPanel section="profile" needsUpdate={marked('profile')}>
        <ProfileSection profile={content.profile} onChange={set('profile')} disabled={disabled} />
      </SectionPanel>
      <SectionPanel section={{ title: t('plan.people.title') }}>
        <PeopleSection people={content.people} onChange={set('people')} disabled={disabled} />
      </SectionPanel>
      <SectionPanel section="hazardAssessment" needsUpdate={marked('hazardAssessment')}>
        <HazardAssessmentSection value={content.hazardAssessment} onChange={set('hazardAssessment')} disabled={disabled} />
      </SectionPanel>
      <SectionPanel section="committee" needsUpdate={marked('committee')}>
        <CommitteeSection committee={content.committee} people={content.people} onChange={set('committee')} disabled={disabled} />
      </SectionPanel>
      <SectionPanel section="taskForces" needsUpdate={marked('taskForces')}>
        <TaskForcesSection content={content} onChange={set('taskForces')} disabled={disabled} />
      </SectionPanel>
      <SectionPanel section="sops" needsUpdate={marked('sops')}>
        <SopsSection sops={content.sops} onChange={set('sops')} disabled={disabled} />
      </SectionPanel>
      <SectionPanel section="emergencyContacts" needsUpdate={marked('emergencyContacts')}>
        <ContactsSection contacts={content.emergencyContacts} onChange={set('emergencyContacts')} disabled={disabled} />
      </SectionPanel>
      <SectionPanel section={{ title: t('plan.map.sectionTitle') }} needsUpdate={marked('evacuationRoutes') || marked('assemblyPoints')}>
        <EvacuationSection
          routes={content.evacuationRoutes}
          points={content.assemblyPoints}
          schoolPoint={schoolPoint}
          onRoutes={set('evacuationRoutes')}
          onPoints={set('assemblyPoints')}
          disabled={disabled}
        />
      </SectionPanel>
      <SectionPanel section="resources" needsUpdate={marked('resources')}>
        <ResourcesSection resources={content.resources} onChange={set('resources')} disabled={disabled} />
      </SectionPanel>
      <SectionPanel section="trainingPlan" needsUpdate={marked('trainingPlan')}>
        <TrainingPlanSection plan={content.trainingPlan} onChange={set('trainingPlan')} disabled={disabled} />
      </SectionPanel>
      <SectionPanel section="drillSchedule" needsUpdate={marked('drillSchedule')}>
        <DrillScheduleSection schedule={content.drillSchedule} onChange={set('drillSchedule')} disabled={disabled} />
      </SectionPanel>
    </div>
  );
}
