import { missingLanguages } from '../i18n.js';
import { problem, type SafetyProblem } from '../problem.js';
import { allowedAnswers, conditionValueProblems } from './condition-value-problems.js';
import { conditionQuestions } from './evaluate-condition.js';
import {
  pillars,
  questionTypes,
  recommendationPriorities,
  type Condition,
  type InstrumentDefinition,
  type Question,
} from './instrument-types.js';

/**
 * Problems that would make an instrument unsafe to publish. Definitions come from country teams as JSON, so
 * nothing the types promise is taken for granted.
 */
export function validateInstrument(def: InstrumentDefinition): SafetyProblem[] {
  const problems: SafetyProblem[] = [];
  const text = (value: unknown, path: string, optional = false): void => {
    if (optional && value === undefined) return;
    const missing = missingLanguages(value);
    if (missing.length > 0)
      problems.push(problem('INSTRUMENT_TRANSLATION_MISSING', path, `Missing or blank translation: ${missing.join(', ')}`));
  };

  if (!def.id) problems.push(problem('INSTRUMENT_ID_MISSING', 'id', 'The instrument has no id'));
  if (!Number.isInteger(def.version) || def.version < 1)
    problems.push(problem('INSTRUMENT_VERSION_INVALID', 'version', 'The version must be a whole number from 1'));
  if (def.citations.length === 0)
    problems.push(problem('INSTRUMENT_CITATION_MISSING', 'citations', 'Cite at least one source framework'));
  text(def.title, 'title');

  const seen = new Map<string, Question>();
  const sectionIds = new Set<string>();
  for (const section of def.sections) {
    if (sectionIds.has(section.id))
      problems.push(problem('INSTRUMENT_DUPLICATE_ID', `sections.${section.id}`, `Section id "${section.id}" is used twice`));
    sectionIds.add(section.id);
    text(section.title, `sections.${section.id}.title`);
    text(section.description, `sections.${section.id}.description`, true);
    if (section.questions.length === 0)
      problems.push(problem('INSTRUMENT_SECTION_EMPTY', `sections.${section.id}`, 'A section needs at least one question'));
    for (const question of section.questions) {
      if (seen.has(question.id))
        problems.push(problem('INSTRUMENT_DUPLICATE_ID', question.id, `Question id "${question.id}" is used twice`));
      problems.push(...questionProblems(question, seen, text));
      seen.set(question.id, question);
    }
  }

  const ruleIds = new Set<string>();
  const checkRule = (kind: string, id: string, when: Condition): void => {
    if (ruleIds.has(id)) problems.push(problem('INSTRUMENT_DUPLICATE_ID', `${kind}.${id}`, `Rule id "${id}" is used twice`));
    ruleIds.add(id);
    for (const ref of conditionQuestions(when))
      if (!seen.has(ref))
        problems.push(problem('INSTRUMENT_CONDITION_UNKNOWN_QUESTION', `${kind}.${id}`, `Condition reads unknown question "${ref}"`));
    problems.push(...conditionValueProblems(when, seen, `${kind}.${id}`));
  };
  for (const flag of def.redFlags) {
    checkRule('redFlags', flag.code, flag.when);
    text(flag.label, `redFlags.${flag.code}.label`);
  }
  for (const rule of def.recommendations) {
    checkRule('recommendations', rule.id, rule.when);
    text(rule.text, `recommendations.${rule.id}.text`);
    if (!pillars.includes(rule.pillar))
      problems.push(problem('INSTRUMENT_PILLAR_UNKNOWN', `recommendations.${rule.id}`, `Unknown pillar "${rule.pillar}"`));
    if (!recommendationPriorities.includes(rule.priority))
      problems.push(problem('INSTRUMENT_PRIORITY_UNKNOWN', `recommendations.${rule.id}`, `Unknown priority "${rule.priority}"`));
  }
  return problems;
}

function questionProblems(
  question: Question,
  earlier: ReadonlyMap<string, Question>,
  text: (value: unknown, path: string, optional?: boolean) => void,
): SafetyProblem[] {
  const problems: SafetyProblem[] = [];
  const id = question.id;
  if (!questionTypes.includes(question.type))
    problems.push(problem('INSTRUMENT_QUESTION_TYPE_UNKNOWN', id, `Unknown question type "${String(question.type)}"`));
  text(question.label, `${id}.label`);
  text(question.help, `${id}.help`, true);
  for (const ref of question.showIf ? conditionQuestions(question.showIf) : []) {
    if (ref === id || !earlier.has(ref))
      problems.push(
        problem('INSTRUMENT_CONDITION_NOT_EARLIER', id, `showIf reads "${ref}", which is not an earlier question`),
      );
  }
  if (question.showIf) problems.push(...conditionValueProblems(question.showIf, earlier, id));
  const answerIds = allowedAnswers(question);
  if (question.type === 'choice' || question.type === 'multi_choice') {
    if (!Array.isArray(question.options) || question.options.length === 0)
      problems.push(problem('INSTRUMENT_CHOICE_WITHOUT_OPTIONS', id, 'A choice question needs options'));
    const optionIds = new Set<string>();
    for (const option of question.options ?? []) {
      if (optionIds.has(option.id))
        problems.push(problem('INSTRUMENT_DUPLICATE_ID', `${id}.${option.id}`, `Option id "${option.id}" is used twice`));
      optionIds.add(option.id);
      text(option.label, `${id}.options.${option.id}`);
    }
  }
  if (question.type === 'number') {
    text(question.unit, `${id}.unit`, true);
    if (question.min !== undefined && question.max !== undefined && question.min > question.max)
      problems.push(problem('INSTRUMENT_RANGE_INVALID', id, 'min is greater than max'));
  }

  const scoring = question.scoring;
  if (!scoring) return problems;
  if (!pillars.includes(scoring.pillar))
    problems.push(problem('INSTRUMENT_PILLAR_UNKNOWN', id, `Unknown pillar "${scoring.pillar}"`));
  if (!(Number.isFinite(scoring.weight) && scoring.weight > 0))
    problems.push(problem('INSTRUMENT_WEIGHT_NOT_POSITIVE', id, 'A scored question needs a weight above 0'));
  const scores = [
    ...Object.values(scoring.answerScores ?? {}),
    ...(scoring.numberBands ?? []).map((b) => b.score),
  ];
  if (scores.length === 0)
    problems.push(problem('INSTRUMENT_SCORING_EMPTY', id, 'A scored question needs answer scores or number bands'));
  if (scores.some((s) => !(s >= 0 && s <= 1)))
    problems.push(problem('INSTRUMENT_SCORE_OUT_OF_RANGE', id, 'Answer scores must lie between 0 and 1'));
  if (scoring.numberBands && question.type !== 'number')
    problems.push(problem('INSTRUMENT_SCORING_MISMATCH', id, 'Number bands only apply to number questions'));
  if (scoring.answerScores && answerIds === undefined)
    problems.push(problem('INSTRUMENT_SCORING_MISMATCH', id, `A ${question.type} question cannot have answer scores`));
  for (const key of Object.keys(scoring.answerScores ?? {}))
    if (answerIds && !answerIds.includes(key))
      problems.push(problem('INSTRUMENT_SCORING_UNKNOWN_ANSWER', id, `Scores an answer "${key}" the question cannot take`));
  return problems;
}
