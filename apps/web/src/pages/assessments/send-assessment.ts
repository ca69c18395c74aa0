import { ApiError, saveAssessment } from '@safeschools/contract';
import { effectiveAnswers, type InstrumentDefinition, type SafetyProblem } from '@safeschools/domain';
import type { TFunction } from 'i18next';
import { api } from '../../api/client';
import type { LocalDraft } from './draft-storage';
import type { Assessment } from './types';

/**
 * PUT under the client-made id. Answers to questions hidden by earlier answers are left out: the server refuses
 * them, and a user who changed their mind should not have to clear them by hand.
 */
export function sendAssessment(id: string, def: InstrumentDefinition, draft: LocalDraft, submit: boolean): Promise<Assessment> {
  return api(saveAssessment, {
    params: { id },
    body: {
      schoolId: draft.schoolId,
      instrumentId: draft.instrumentId,
      instrumentVersion: draft.instrumentVersion,
      answers: effectiveAnswers(def, draft.answers),
      hazardContext: draft.hazardContext,
      submit,
      ...(draft.version === undefined ? {} : { version: draft.version }),
    },
  });
}

/** The answer problems of an ASSESSMENT_INVALID answer, with paths back to bare question ids. */
export function serverProblems(error: unknown): SafetyProblem[] {
  if (!(error instanceof ApiError) || error.code !== 'ASSESSMENT_INVALID') return [];
  return (error.problem.errors ?? []).map((issue) => ({
    code: issue.code ?? '',
    path: issue.path.replace(/^\/?(body[./])?answers[./]/, ''),
    message: issue.message,
  }));
}

const translatedCodes = new Set([
  'ANSWER_REQUIRED_MISSING',
  'ANSWER_WRONG_TYPE',
  'ANSWER_NOT_INTEGER',
  'ANSWER_OUT_OF_RANGE',
  'ANSWER_NOT_AN_OPTION',
  'ANSWER_DUPLICATE_OPTION',
  'ANSWER_EXCLUSIVE_OPTION',
  'ANSWER_TOO_MANY_PHOTOS',
  'ANSWER_TOO_LONG',
  'ANSWER_HIDDEN_QUESTION',
  'ANSWER_UNKNOWN_QUESTION',
  'ANSWER_INSTRUMENT_MISMATCH',
]);

/** A problem in the interface language when its code is known; otherwise the server's own words. */
export function problemText(t: TFunction, problem: SafetyProblem): string {
  return translatedCodes.has(problem.code) ? t(`assessment.problems.${problem.code}`) : problem.message;
}
