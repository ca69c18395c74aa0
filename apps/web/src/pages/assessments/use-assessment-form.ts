import { useEffect, useMemo, useState } from 'react';
import { ApiError } from '@safeschools/contract';
import { effectiveAnswers, validateAnswers, type AnswerValue, type InstrumentDefinition, type SafetyProblem } from '@safeschools/domain';
import { removeLocalDraft, writeLocalDraft, type LocalDraft } from './draft-storage';
import { sendAssessment, serverProblems } from './send-assessment';
import type { Assessment, HazardContext } from './types';

/** How the last save or submit ended, for the status line above the buttons. */
export type Outcome =
  | { kind: 'none' }
  | { kind: 'saved' }
  | { kind: 'invalid' }
  | { kind: 'offline' }
  | { kind: 'failed'; error: unknown };

const DRAFT_TOLERATED = 'ANSWER_REQUIRED_MISSING';

/**
 * The state of a self-assessment being filled in. Every change is kept on the device at once; the server gets
 * it on Save or Submit. Problems come from the domain's own checks as the user answers, and from the server.
 */
export function useAssessmentForm(id: string, def: InstrumentDefinition, initial: LocalDraft, onSubmitted: (a: Assessment) => void) {
  const [draft, setDraft] = useState<LocalDraft>(initial);
  const [busy, setBusy] = useState<'save' | 'submit' | null>(null);
  const [outcome, setOutcome] = useState<Outcome>({ kind: 'none' });
  const [fromServer, setFromServer] = useState<SafetyProblem[]>([]);
  const [touched, setTouched] = useState<ReadonlySet<string>>(new Set());
  const [submitTried, setSubmitTried] = useState(false);

  const local = useMemo(
    () =>
      validateAnswers(def, {
        instrumentId: def.id,
        instrumentVersion: def.version,
        values: effectiveAnswers(def, draft.answers),
      }),
    [def, draft.answers],
  );

  const problems = useMemo(() => {
    const byQuestion = new Map<string, SafetyProblem>();
    for (const p of fromServer) if (!byQuestion.has(p.path)) byQuestion.set(p.path, p);
    for (const p of local) {
      const shown = submitTried || (touched.has(p.path) && p.code !== DRAFT_TOLERATED);
      if (shown && !byQuestion.has(p.path)) byQuestion.set(p.path, p);
    }
    return byQuestion;
  }, [fromServer, local, touched, submitTried]);

  // Every change is kept on the device; after a submit the form is gone, so nothing writes the draft back.
  useEffect(() => writeLocalDraft(id, draft), [id, draft]);

  const setAnswer = (questionId: string, value: AnswerValue | undefined) => {
    setDraft((before) => {
      const answers = { ...before.answers };
      if (value === undefined) delete answers[questionId];
      else answers[questionId] = value;
      return { ...before, answers, unsaved: true };
    });
    setTouched((before) => new Set(before).add(questionId));
    setFromServer((before) => before.filter((p) => p.path !== questionId));
  };

  const setHazardContext = (hazardContext: HazardContext) => setDraft((before) => ({ ...before, hazardContext, unsaved: true }));

  const send = async (submit: boolean) => {
    if (submit) setSubmitTried(true);
    const blocking = local.filter((p) => submit || p.code !== DRAFT_TOLERATED);
    if (blocking.length > 0) {
      setOutcome({ kind: 'invalid' });
      return;
    }
    setBusy(submit ? 'submit' : 'save');
    try {
      const saved = await sendAssessment(id, def, draft, submit);
      setFromServer([]);
      if (saved.status === 'submitted') {
        removeLocalDraft(id);
        onSubmitted(saved);
        return;
      }
      // Edits made while the request was on its way stay unsaved, on top of the version just stored.
      setDraft((current) => ({
        ...current,
        version: saved.version,
        unsaved: current.answers !== draft.answers || current.hazardContext !== draft.hazardContext,
      }));
      setOutcome({ kind: 'saved' });
    } catch (error) {
      const answerProblems = serverProblems(error);
      setFromServer(answerProblems);
      if (answerProblems.length > 0) setOutcome({ kind: 'invalid' });
      else if (error instanceof ApiError && error.code === 'NETWORK_ERROR') setOutcome({ kind: 'offline' });
      else setOutcome({ kind: 'failed', error });
    } finally {
      setBusy(null);
    }
  };

  return {
    draft,
    busy,
    outcome,
    problems,
    setAnswer,
    setHazardContext,
    save: () => void send(false),
    submit: () => void send(true),
  };
}
