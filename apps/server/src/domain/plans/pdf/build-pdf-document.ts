import { planSectionLabels, type SafetyLanguage, type SchoolDisasterManagementPlan } from '@safeschools/domain';
import { createPdfContext } from './pdf-context.js';
import type { PdfDocument } from './pdf-document.js';
import { pdfLabels as l, statusLabels } from './pdf-labels.js';
import { planFontFamilies } from './plan-fonts.js';
import {
  drillScheduleSection,
  emergencyContactsSection,
  evacuationSection,
  resourcesSection,
  trainingPlanSection,
} from './response-sections.js';
import { committeeSection, hazardAssessmentSection, profileSection } from './school-sections.js';
import { sopsSection, taskForcesSection } from './team-sections.js';

export interface PlanPdfInput {
  readonly plan: SchoolDisasterManagementPlan;
  readonly schoolName: string;
  readonly language: SafetyLanguage;
  readonly generatedOn: string;
}

/** Turns a plan into the data the Typst template prints, in the sections and order of NDMA Annexure 8. */
export function buildPdfDocument({ plan, schoolName, language, generatedOn }: PlanPdfInput): PdfDocument {
  const c = createPdfContext(plan, language);
  const status = c.say(statusLabels[plan.status]);
  const approvedOn = plan.lastApprovedOn ? c.date(plan.lastApprovedOn) : c.say(l.notYet);
  const reviewDue = plan.reviewDueOn ? c.date(plan.reviewDueOn) : c.say(l.notYet);
  const title = c.say(l.documentTitle);

  const notes = [
    ...(plan.status === 'returned' && plan.returnComments ? [[c.say(l.returnComments), plan.returnComments] as const] : []),
    ...(plan.sectionsNeedingUpdate.length > 0
      ? [
          [
            c.say(l.needsUpdate),
            plan.sectionsNeedingUpdate.map((section) => c.say(planSectionLabels[section])).join(', '),
          ] as const,
        ]
      : []),
  ];
  const profile = profileSection(c, schoolName);

  return {
    lang: language,
    title,
    schoolName,
    subtitle: c.say(l.basedOn),
    facts: [
      [c.say(l.status), status],
      [c.say(l.version), String(plan.version)],
      [c.say(l.approvedOn), approvedOn],
      [c.say(l.reviewDue), reviewDue],
      [c.say(l.generatedOn), c.date(generatedOn)],
    ],
    footer: [
      status,
      `${c.say(l.version)} ${plan.version}`,
      c.say(l.approvedOn) + c.say(l.colon) + approvedOn,
      c.say(l.reviewDue) + c.say(l.colon) + reviewDue,
    ].join(' · '),
    pageFormat: c.say(l.pageFormat),
    fonts: planFontFamilies,
    sections: [
      notes.length > 0 ? { ...profile, blocks: [{ kind: 'fields', rows: notes }, ...profile.blocks] } : profile,
      hazardAssessmentSection(c),
      committeeSection(c),
      taskForcesSection(c),
      sopsSection(c),
      emergencyContactsSection(c),
      evacuationSection(c),
      resourcesSection(c),
      trainingPlanSection(c),
      drillScheduleSection(c),
    ],
  };
}
