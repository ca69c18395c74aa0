import { safetyHazards } from '@safeschools/domain';
import type { AreaLookup, Cell } from '../exports/export-columns.js';
import type { SchoolReadiness } from './school-readiness.js';

export interface ReadinessColumn {
  header: string;
  /** HXL 1.1 hashtag with attributes (hxlstandard.org/standard/1-1final/dictionary). */
  hxl: string;
  value(school: SchoolReadiness, areas: AreaLookup): Cell;
}

const yesNo = (value: boolean): string => (value ? 'yes' : 'no');

/** Last drill and whether it is overdue, per hazard; overdue is left empty for hazards the school does not drill for. */
const drillColumns: ReadinessColumn[] = safetyHazards.flatMap((hazard) => [
  { header: `last_drill_${hazard}`, hxl: `#date+last_drill+${hazard}`, value: (s: SchoolReadiness) => s.row.last_drills?.[hazard] ?? null },
  {
    header: `drill_overdue_${hazard}`,
    hxl: `#indicator+drill_overdue+${hazard}`,
    value: (s: SchoolReadiness) => {
      const due = s.drills.find((d) => d.hazard === hazard);
      return due ? yesNo(due.overdue) : null;
    },
  },
]);

const score = (pillar: 'hazards' | 'foundation' | 'pillar1' | 'pillar2' | 'pillar3'): ReadinessColumn => ({
  header: `score_${pillar}`,
  hxl: `#indicator+score+${pillar}`,
  value: (s) => s.summary.pillarScores[pillar] ?? null,
});

/** One row per school: what the readiness dashboard counts, school by school. */
export const readinessColumns: readonly ReadinessColumn[] = [
  { header: 'school_id', hxl: '#meta+id', value: (s) => s.row.school_id },
  { header: 'school_id_govt', hxl: '#loc+code', value: (s) => s.row.code },
  { header: 'school_name', hxl: '#loc+name', value: (s) => s.row.name },
  { header: 'district', hxl: '#adm2+name', value: (s, areas) => areas(s.row, 'district')?.name ?? null },
  { header: 'block', hxl: '#adm3+name', value: (s, areas) => areas(s.row, 'block')?.name ?? null },
  { header: 'plan_status', hxl: '#status+plan', value: (s) => s.row.plan_status ?? 'none' },
  { header: 'plan_approved_on', hxl: '#date+approved+plan', value: (s) => s.row.approved_on },
  { header: 'last_drill', hxl: '#date+last_drill', value: (s) => s.row.last_drill },
  { header: 'drill_overdue', hxl: '#indicator+drill_overdue', value: (s) => yesNo(s.summary.overdueDrill) },
  ...drillColumns,
  { header: 'task_forces_trained', hxl: '#indicator+task_forces+trained', value: (s) => s.summary.taskForces.trained },
  { header: 'task_forces_total', hxl: '#indicator+task_forces+total', value: (s) => s.summary.taskForces.total },
  score('hazards'),
  score('foundation'),
  score('pillar1'),
  score('pillar2'),
  score('pillar3'),
  { header: 'overall_score', hxl: '#indicator+score+overall', value: (s) => (s.row.overall === null ? null : Number(s.row.overall)) },
  { header: 'rating_band', hxl: '#indicator+rating', value: (s) => s.row.rating },
  { header: 'flagged_for_inspection', hxl: '#indicator+flagged', value: (s) => yesNo(s.summary.flagged) },
];
