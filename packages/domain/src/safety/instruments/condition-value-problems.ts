import { problem, type SafetyProblem } from '../problem.js';
import { scaleValues, type Condition, type Question } from './instrument-types.js';

/** The answers a closed question can take; undefined for open ones (number, text, photo, geopoint). */
export function allowedAnswers(question: Question): readonly string[] | undefined {
  switch (question.type) {
    case 'yes_no':
      return ['yes', 'no'];
    case 'scale':
      return scaleValues;
    case 'choice':
    case 'multi_choice':
      return (question.options ?? []).map((o) => o.id);
    case 'number':
    case 'photo':
    case 'geopoint':
    case 'text':
      return undefined;
  }
}

/**
 * Conditions that can never hold because they compare with a value the question cannot take ("kutcha " for
 * "kutcha", a number test on a choice): such a typo would silently switch a red flag or a rule off.
 */
export function conditionValueProblems(condition: Condition, questions: ReadonlyMap<string, Question>, path: string): SafetyProblem[] {
  if ('all' in condition) return condition.all.flatMap((c) => conditionValueProblems(c, questions, path));
  if ('any' in condition) return condition.any.flatMap((c) => conditionValueProblems(c, questions, path));
  if ('not' in condition) return conditionValueProblems(condition.not, questions, path);
  const question = questions.get(condition.question);
  if (!question || 'answered' in condition) return [];
  const mismatch = (why: string) => [problem('INSTRUMENT_CONDITION_VALUE_INVALID', path, `Condition on "${question.id}": ${why}`)];
  if ('gt' in condition || 'lt' in condition)
    return question.type === 'number' ? [] : mismatch('a number comparison needs a number question');
  if ('includes' in condition) {
    if (question.type !== 'multi_choice') return mismatch('"includes" needs a multi_choice question');
    return allowedAnswers(question)?.includes(condition.includes) ? [] : mismatch(`"${condition.includes}" is not an option`);
  }
  const values = 'equals' in condition ? [condition.equals] : condition.in;
  if (question.type === 'multi_choice') return mismatch('use "includes" for a multi_choice question');
  if (question.type === 'number') return values.every((v) => typeof v === 'number') ? [] : mismatch('compare a number question with numbers');
  const allowed = allowedAnswers(question);
  if (!allowed) return [];
  const unknown = values.filter((v) => typeof v !== 'string' || !allowed.includes(v));
  return unknown.length === 0 ? [] : mismatch(`not an answer it can take: ${unknown.join(', ')}`);
}
