import { problem, type SafetyProblem } from '../problem.js';
import type { InstrumentDefinition } from './instrument-types.js';
import { validateInstrument } from './validate-instrument.js';

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * Reads an instrument a country team uploaded as JSON: first the shape (so the rule checks cannot trip over a
 * missing list), then every rule of `validateInstrument`. The definition is returned only when both pass.
 */
export function parseInstrument(
  value: unknown,
): { readonly ok: true; readonly def: InstrumentDefinition } | { readonly ok: false; readonly problems: readonly SafetyProblem[] } {
  const problems = shapeProblems(value);
  if (problems.length > 0) return { ok: false, problems };
  const def = value as InstrumentDefinition;
  const ruleProblems = validateInstrument(def);
  return ruleProblems.length > 0 ? { ok: false, problems: ruleProblems } : { ok: true, def };
}

function shapeProblems(value: unknown): SafetyProblem[] {
  const problems: SafetyProblem[] = [];
  const bad = (path: string, what: string) => problems.push(problem('INSTRUMENT_SHAPE_INVALID', path, `Expected ${what}`));
  if (!isObject(value)) {
    bad('', 'an object');
    return problems;
  }
  if (typeof value.id !== 'string') bad('id', 'a string');
  if (typeof value.version !== 'number') bad('version', 'a number');
  if (!isObject(value.title)) bad('title', 'a text in en/hi/ja');
  for (const key of ['citations', 'sections', 'redFlags', 'recommendations'])
    if (!Array.isArray(value[key])) bad(key, 'a list');
  const sections: unknown[] = Array.isArray(value.sections) ? value.sections : [];
  sections.forEach((section, s) => {
    if (!isObject(section) || typeof section.id !== 'string' || !isObject(section.title) || !Array.isArray(section.questions)) {
      bad(`sections.${s}`, 'a section with id, title and questions');
      return;
    }
    (section.questions as unknown[]).forEach((question, q) => {
      const path = `sections.${section.id as string}.questions.${q}`;
      if (!isObject(question) || typeof question.id !== 'string' || typeof question.type !== 'string' || !isObject(question.label))
        bad(path, 'a question with id, type and label');
      else if (typeof question.required !== 'boolean') bad(`${path}.required`, 'true or false');
      else if ((question.type === 'choice' || question.type === 'multi_choice') && !Array.isArray(question.options))
        bad(`${path}.options`, 'a list of options');
      else if (question.scoring !== undefined && !isObject(question.scoring)) bad(`${path}.scoring`, 'an object');
    });
  });
  for (const key of ['redFlags', 'recommendations'] as const) {
    const rules: unknown[] = Array.isArray(value[key]) ? value[key] : [];
    rules.forEach((rule, r) => {
      if (!isObject(rule) || !isObject(rule.when)) bad(`${key}.${r}`, 'a rule with a condition');
    });
  }
  return problems;
}
