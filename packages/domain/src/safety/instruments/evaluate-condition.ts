import type { AnswerValue, Condition } from './instrument-types.js';

type Values = Readonly<Record<string, AnswerValue>>;

/** Whether a condition holds for the given answers. Comparisons with a missing answer are false. */
export function evaluateCondition(condition: Condition, values: Values): boolean {
  if ('all' in condition) return condition.all.every((c) => evaluateCondition(c, values));
  if ('any' in condition) return condition.any.some((c) => evaluateCondition(c, values));
  if ('not' in condition) return !evaluateCondition(condition.not, values);
  const value = values[condition.question];
  if ('answered' in condition) return (value !== undefined) === condition.answered;
  if (value === undefined) return false;
  if ('equals' in condition) return value === condition.equals;
  if ('in' in condition) return (typeof value === 'string' || typeof value === 'number') && condition.in.includes(value);
  if ('includes' in condition) return Array.isArray(value) && value.includes(condition.includes);
  if ('gt' in condition) return typeof value === 'number' && value > condition.gt;
  return typeof value === 'number' && value < condition.lt;
}

/** Every question id a condition reads, for checking that conditions only look backwards. */
export function conditionQuestions(condition: Condition): string[] {
  if ('all' in condition) return condition.all.flatMap(conditionQuestions);
  if ('any' in condition) return condition.any.flatMap(conditionQuestions);
  if ('not' in condition) return conditionQuestions(condition.not);
  return [condition.question];
}
