import type { Citation, InstrumentDefinition } from '../instrument-types.js';
import { t } from './builders.js';
import { foundationSection } from './foundation-section.js';
import { hazardsSection } from './hazards-section.js';
import { pillar1Section } from './pillar1-section.js';
import { pillar2Section } from './pillar2-section.js';
import { pillar3Section } from './pillar3-section.js';
import { schoolSafetyRecommendations } from './school-safety-recommendations.js';
import { schoolSafetyRedFlags } from './school-safety-red-flags.js';

export const schoolSafetyCitations: readonly Citation[] = [
  {
    title: 'Comprehensive School Safety Framework 2022-2030 for Child Rights and Resilience in the Education Sector',
    publisher: 'Global Alliance for Disaster Risk Reduction and Resilience in the Education Sector (GADRRRES)',
    year: 2022,
    url: 'https://gadrrres.net/',
  },
  {
    title: 'National Disaster Management Guidelines: School Safety Policy',
    publisher: 'National Disaster Management Authority, Government of India',
    year: 2016,
    url: 'https://ndma.gov.in/',
  },
];

/**
 * The built-in school safety self-assessment, written for SafeSchools from the public frameworks above (not
 * copied from any published checklist). Country teams load their own instruments alongside it.
 */
export const schoolSafetyInstrument: InstrumentDefinition = {
  id: 'school-safety-self-assessment',
  version: 1,
  title: t('School safety self-assessment', 'विद्यालय सुरक्षा स्व-मूल्यांकन', '学校安全自己評価'),
  citations: schoolSafetyCitations,
  sections: [hazardsSection, foundationSection, pillar1Section, pillar2Section, pillar3Section],
  redFlags: schoolSafetyRedFlags,
  recommendations: schoolSafetyRecommendations,
};
