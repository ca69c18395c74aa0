import { evaluateCondition } from './evaluate-condition.js';
import { allQuestions, type AnswerValue, type InstrumentDefinition } from './instrument-types.js';

/**
 * The ids of the questions shown for these answers. Questions are walked in order and an answer to a hidden
 * question is ignored, so hiding a question also hides the ones that depend on it.
 */
export function visibleQuestions(def: InstrumentDefinition, values: Readonly<Record<string, AnswerValue>>): Set<string> {
  const effective: Record<string, AnswerValue> = {};
  const visible = new Set<string>();
  for (const question of allQuestions(def)) {
    if (question.showIf && !evaluateCondition(question.showIf, effective)) continue;
    visible.add(question.id);
    const value = values[question.id];
    if (value !== undefined) effective[question.id] = value;
  }
  return visible;
}

/** The answers that count: those to visible questions. */
export function effectiveAnswers(
  def: InstrumentDefinition,
  values: Readonly<Record<string, AnswerValue>>,
): Record<string, AnswerValue> {
  const visible = visibleQuestions(def, values);
  return Object.fromEntries(Object.entries(values).filter(([id]) => visible.has(id)));
}
