import {
  scoreAssessment,
  triageForInspection,
  validateAnswers,
  type AnswerValue,
  type AssessmentAnswers,
  type InstrumentDefinition,
  type TriageContext,
} from '@safeschools/domain';
import { findInstrument } from '../../db/safety/instruments.repository.js';
import { findAssessment, insertAssessment, updateAssessment, type AssessmentRow } from '../../db/safety/assessments.repository.js';
import { findVisibleSchool } from '../../db/schools/schools.repository.js';
import { AppError } from '../shared/app-error.js';
import { audit, type AuditTrail } from '../shared/audit.js';
import { requirePermission, type Ctx } from '../shared/context.js';

export interface SaveAssessmentInput {
  schoolId: string;
  instrumentId: string;
  instrumentVersion: number;
  answers: Record<string, unknown>;
  hazardContext: TriageContext;
  submit: boolean;
  version?: number | undefined;
}

// A draft may be incomplete; everything else about its answers must already be right.
const DRAFT_TOLERATED = new Set(['ANSWER_REQUIRED_MISSING']);

function problemsError(code: 'ASSESSMENT_INVALID', problems: { code: string; path: string; message: string }[]): AppError {
  return new AppError(code, `${problems.length} answer(s) need attention.`, problems.map((p) => ({ path: `answers.${p.path}`, message: p.message, code: p.code })));
}

/**
 * Creates or updates a self-assessment under a client-made id (an offline phone retries with the same id and
 * version and gets the same result). Submitting checks every answer against the instrument version they were
 * given under, scores the report, triages the school for an engineering inspection, and freezes the assessment.
 */
export async function saveAssessment(ctx: Ctx & { trail?: AuditTrail }, id: string, input: SaveAssessmentInput): Promise<AssessmentRow> {
  const actor = requirePermission(ctx, 'safety.write');
  const school = await findVisibleSchool(ctx.tx, actor.scope, input.schoolId);
  if (!school) throw new AppError('NOT_FOUND', 'No such school in your area.');
  const existing = await findAssessment(ctx.tx, id);
  // An id already used for another school is not revealed, whoever asks.
  if (existing && existing.schoolId !== input.schoolId) throw new AppError('NOT_FOUND', 'No such assessment for this school.');
  if (existing?.status === 'submitted') {
    // The same submission again (a retry) is answered with what was stored; any other change is refused.
    if (input.submit && input.version === existing.version - 1) {
      await audit(ctx, { action: 'assessment.submit.repeated', entity: 'assessment', entityId: id, afterVersion: existing.version });
      return existing;
    }
    throw new AppError('ASSESSMENT_SUBMITTED', 'This assessment was submitted and can no longer change; start a new one.');
  }
  if (existing && input.version !== existing.version) {
    throw new AppError('VERSION_CONFLICT', `The assessment is at version ${existing.version}; reload it before saving.`);
  }
  const row = await findInstrument(ctx.tx, input.instrumentId, input.instrumentVersion);
  if (!row) throw new AppError('VALIDATION_FAILED', `No instrument "${input.instrumentId}" version ${input.instrumentVersion}.`);
  const def = row.definition as unknown as InstrumentDefinition;
  const answers: AssessmentAnswers = { instrumentId: def.id, instrumentVersion: def.version, values: input.answers as Record<string, AnswerValue> };
  const problems = validateAnswers(def, answers).filter((p) => input.submit || !DRAFT_TOLERATED.has(p.code));
  if (problems.length > 0) throw problemsError('ASSESSMENT_INVALID', problems);

  const fields = {
    schoolId: school.id,
    areaPath: school.areaPath,
    instrumentId: def.id,
    instrumentVersion: def.version,
    answers: input.answers,
    hazardContext: input.hazardContext as Record<string, string>,
  };
  let scored = {};
  if (input.submit) {
    const report = scoreAssessment(def, answers);
    const triage = triageForInspection(report, input.hazardContext);
    scored = {
      status: 'submitted',
      report: report as unknown as Record<string, unknown>,
      overallScore: report.overall.score,
      rating: report.overall.band,
      foundationScore: report.pillars.foundation.score,
      pillar1Score: report.pillars.pillar1.score,
      pillar2Score: report.pillars.pillar2.score,
      pillar3Score: report.pillars.pillar3.score,
      flagged: triage.flagged,
      triagePriority: triage.priority,
      triageReasons: triage.reasons as unknown as Record<string, unknown>[],
      submittedAt: ctx.now,
      submittedBy: actor.via === 'system' ? null : actor.userId,
    };
  }
  const saved = existing
    ? await updateAssessment(ctx.tx, id, existing.version, { ...fields, ...scored })
    : await insertAssessment(ctx.tx, { id, ...fields, ...scored });
  if (!saved) throw new AppError('VERSION_CONFLICT', 'The assessment changed while saving; reload it.');
  await audit(ctx, {
    action: input.submit ? 'assessment.submit' : existing ? 'assessment.update' : 'assessment.create',
    entity: 'assessment',
    entityId: id,
    beforeVersion: existing?.version ?? null,
    afterVersion: saved.version,
    details: { schoolId: school.id, instrument: `${def.id}@${def.version}`, ...(input.submit ? { score: saved.overallScore, flagged: saved.flagged } : {}) },
  });
  return saved;
}
