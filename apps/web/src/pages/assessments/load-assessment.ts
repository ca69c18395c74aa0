import { ApiError, getAssessment } from '@safeschools/contract';
import type { AnswerValue } from '@safeschools/domain';
import { api } from '../../api/client';
import { readLocalDraft, type LocalDraft } from './draft-storage';
import type { Assessment } from './types';

export type LoadedAssessment =
  | { kind: 'submitted'; assessment: Assessment }
  | { kind: 'draft'; draft: LocalDraft; offline: boolean };

function draftOf(assessment: Assessment): LocalDraft {
  return {
    schoolId: assessment.schoolId,
    instrumentId: assessment.instrumentId,
    instrumentVersion: assessment.instrumentVersion,
    answers: assessment.answers as Record<string, AnswerValue>,
    hazardContext: assessment.hazardContext,
    version: assessment.version,
    unsaved: false,
  };
}

/**
 * The server's copy, unless the device holds edits made on top of that same version (a reload before saving).
 * A draft never saved (404) or a server out of reach falls back to the device's copy.
 */
export async function loadAssessment(id: string, signal: AbortSignal): Promise<LoadedAssessment> {
  const local = readLocalDraft(id);
  try {
    const assessment = await api(getAssessment, { params: { id }, signal });
    if (assessment.status === 'submitted') return { kind: 'submitted', assessment };
    const keepLocal = local !== null && local.unsaved && local.version === assessment.version;
    return { kind: 'draft', draft: keepLocal ? local : draftOf(assessment), offline: false };
  } catch (error) {
    const fallback = error instanceof ApiError && (error.status === 404 || error.code === 'NETWORK_ERROR');
    if (local && fallback) return { kind: 'draft', draft: local, offline: error.code === 'NETWORK_ERROR' };
    throw error;
  }
}
