import { problem, type SafetyProblem } from '../problem.js';
import {
  allQuestions,
  scaleValues,
  type AnswerValue,
  type AssessmentAnswers,
  type InstrumentDefinition,
  type Question,
} from './instrument-types.js';
import { visibleQuestions } from './visible-questions.js';

/**
 * Problems with a set of answers, keyed by question id in `path`. Answers arrive from offline devices, possibly
 * under an older version, so the version is checked before anything else.
 */
export function validateAnswers(def: InstrumentDefinition, answers: AssessmentAnswers): SafetyProblem[] {
  if (answers.instrumentId !== def.id || answers.instrumentVersion !== def.version)
    return [
      problem(
        'ANSWER_INSTRUMENT_MISMATCH',
        'instrument',
        `Answers were given under ${answers.instrumentId} v${answers.instrumentVersion}, not ${def.id} v${def.version}`,
      ),
    ];
  const problems: SafetyProblem[] = [];
  const questions = new Map(allQuestions(def).map((q) => [q.id, q]));
  const visible = visibleQuestions(def, answers.values);
  for (const [id, value] of Object.entries(answers.values)) {
    const question = questions.get(id);
    if (!question) problems.push(problem('ANSWER_UNKNOWN_QUESTION', id, `No question "${id}" in this instrument`));
    else if (!visible.has(id)) problems.push(problem('ANSWER_HIDDEN_QUESTION', id, 'This question is not shown for these answers'));
    else problems.push(...valueProblems(question, value));
  }
  for (const question of questions.values())
    if (question.required && visible.has(question.id) && isEmpty(answers.values[question.id]))
      problems.push(problem('ANSWER_REQUIRED_MISSING', question.id, 'This question must be answered'));
  return problems;
}

function isEmpty(value: AnswerValue | undefined): boolean {
  return value === undefined || (typeof value === 'string' && value.trim() === '') || (Array.isArray(value) && value.length === 0);
}

function valueProblems(question: Question, value: AnswerValue): SafetyProblem[] {
  const id = question.id;
  const wrongType = [problem('ANSWER_WRONG_TYPE', id, `Not a valid ${question.type} answer`)];
  const strings = (v: AnswerValue): v is readonly string[] => Array.isArray(v) && v.every((x) => typeof x === 'string');
  switch (question.type) {
    case 'yes_no':
      return value === 'yes' || value === 'no' ? [] : wrongType;
    case 'scale':
      return typeof value === 'string' && (scaleValues as readonly string[]).includes(value) ? [] : wrongType;
    case 'number': {
      if (typeof value !== 'number' || !Number.isFinite(value)) return wrongType;
      if (question.integer && !Number.isInteger(value))
        return [problem('ANSWER_NOT_INTEGER', id, 'Give a whole number')];
      if ((question.min !== undefined && value < question.min) || (question.max !== undefined && value > question.max))
        return [problem('ANSWER_OUT_OF_RANGE', id, `Give a number from ${question.min ?? '-∞'} to ${question.max ?? '∞'}`)];
      return [];
    }
    case 'choice':
    case 'multi_choice': {
      const chosen = question.type === 'choice' ? (typeof value === 'string' ? [value] : null) : strings(value) ? value : null;
      if (!chosen) return wrongType;
      const optionIds = question.options.map((o) => o.id);
      const unknown = chosen.filter((c) => !optionIds.includes(c));
      if (unknown.length > 0) return [problem('ANSWER_NOT_AN_OPTION', id, `Not an option: ${unknown.join(', ')}`)];
      if (new Set(chosen).size !== chosen.length) return [problem('ANSWER_DUPLICATE_OPTION', id, 'An option is chosen twice')];
      const exclusive = question.options.find((o) => o.exclusive && chosen.includes(o.id));
      if (exclusive && chosen.length > 1)
        return [problem('ANSWER_EXCLUSIVE_OPTION', id, `"${exclusive.id}" cannot be chosen with other options`)];
      return [];
    }
    case 'photo':
      if (!strings(value)) return wrongType;
      return question.maxPhotos !== undefined && value.length > question.maxPhotos
        ? [problem('ANSWER_TOO_MANY_PHOTOS', id, `At most ${question.maxPhotos} photos`)]
        : [];
    case 'geopoint': {
      if (typeof value !== 'object' || Array.isArray(value)) return wrongType;
      const { lat, lon } = value as { lat: unknown; lon: unknown };
      const valid = typeof lat === 'number' && typeof lon === 'number' && Math.abs(lat) <= 90 && Math.abs(lon) <= 180;
      return valid ? [] : [problem('ANSWER_OUT_OF_RANGE', id, 'Latitude must lie within ±90 and longitude within ±180')];
    }
    case 'text':
      if (typeof value !== 'string') return wrongType;
      return question.maxLength !== undefined && value.length > question.maxLength
        ? [problem('ANSWER_TOO_LONG', id, `At most ${question.maxLength} characters`)]
        : [];
  }
}
