import type { AssessmentRow } from '../../db/safety/assessments.repository.js';
import type { RankInGroup } from '../../domain/assessments/read-assessments.js';
import { presentSync } from '../present-sync.js';

export function presentAssessment({ row, ranks }: { row: AssessmentRow; ranks: RankInGroup[] }) {
  const submitted = row.status === 'submitted';
  return {
    ...presentSync(row),
    schoolId: row.schoolId,
    instrumentId: row.instrumentId,
    instrumentVersion: row.instrumentVersion,
    status: row.status as 'draft' | 'submitted',
    answers: row.answers,
    hazardContext: row.hazardContext,
    report: (row.report ?? null) as never,
    triage: submitted ? { flagged: row.flagged, priority: row.triagePriority as 'urgent' | 'high' | 'normal' | null, reasons: row.triageReasons as { code: string; detail: string }[] } : null,
    ranks,
    submittedAt: row.submittedAt?.toISOString() ?? null,
  };
}
