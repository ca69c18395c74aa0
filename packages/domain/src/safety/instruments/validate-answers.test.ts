import { describe, expect, it } from 'vitest';
import type { AnswerValue, Question } from './instrument-types.js';
import { buildInstrument, text } from './testing-instrument.js';
import { validateAnswers } from './validate-answers.js';

const def = buildInstrument([
  { id: 'has_bus', type: 'yes_no', label: text('Bus?'), required: true },
  { id: 'buses', type: 'number', label: text('How many?'), required: true, integer: true, min: 1, max: 50, showIf: { question: 'has_bus', equals: 'yes' } },
  { id: 'kind', type: 'choice', label: text('Kind'), required: false, options: [{ id: 'a', label: text('A') }, { id: 'b', label: text('B') }] },
  { id: 'many', type: 'multi_choice', label: text('Many'), required: false, options: [{ id: 'x', label: text('X') }, { id: 'none', label: text('None'), exclusive: true }] },
  { id: 'share', type: 'scale', label: text('Share'), required: false },
  { id: 'where', type: 'geopoint', label: text('Where'), required: false },
  { id: 'note', type: 'text', label: text('Note'), required: false, maxLength: 5 },
] satisfies Question[]);

const check = (values: Record<string, AnswerValue>, version = 1) =>
  validateAnswers(def, { instrumentId: def.id, instrumentVersion: version, values }).map((p) => `${p.code}@${p.path}`);

describe('validateAnswers', () => {
  it('accepts complete answers', () => {
    expect(check({ has_bus: 'yes', buses: 3, kind: 'a', many: ['x'], share: 'NOT_SURE', where: { lat: 27.3, lon: 88.6 }, note: 'ok' })).toEqual([]);
  });

  it('asks for a required question only when it is shown', () => {
    expect(check({ has_bus: 'yes' })).toEqual(['ANSWER_REQUIRED_MISSING@buses']);
    expect(check({ has_bus: 'no' })).toEqual([]);
  });

  it('refuses an answer to a hidden question', () => {
    expect(check({ has_bus: 'no', buses: 2 })).toEqual(['ANSWER_HIDDEN_QUESTION@buses']);
  });

  it('finds wrong types, unknown options and numbers out of range', () => {
    expect(check({ has_bus: true as unknown as AnswerValue })).toEqual(['ANSWER_WRONG_TYPE@has_bus']);
    expect(check({ has_bus: 'yes', buses: 51 })).toEqual(['ANSWER_OUT_OF_RANGE@buses']);
    expect(check({ has_bus: 'yes', buses: 2.5 })).toEqual(['ANSWER_NOT_INTEGER@buses']);
    expect(check({ has_bus: 'no', kind: 'c', many: ['x', 'y'] })).toEqual(['ANSWER_NOT_AN_OPTION@kind', 'ANSWER_NOT_AN_OPTION@many']);
    expect(check({ has_bus: 'no', share: 'HALF', where: { lat: 95, lon: 0 }, note: 'too long' })).toEqual([
      'ANSWER_WRONG_TYPE@share',
      'ANSWER_OUT_OF_RANGE@where',
      'ANSWER_TOO_LONG@note',
    ]);
  });

  it('refuses "none of these" chosen with another option', () => {
    expect(check({ has_bus: 'no', many: ['none'] })).toEqual([]);
    expect(check({ has_bus: 'no', many: ['x', 'none'] })).toEqual(['ANSWER_EXCLUSIVE_OPTION@many']);
  });

  it('refuses unknown questions and answers from another version', () => {
    expect(check({ has_bus: 'no', ghost: 'yes' })).toEqual(['ANSWER_UNKNOWN_QUESTION@ghost']);
    expect(check({ has_bus: 'no' }, 2)).toEqual(['ANSWER_INSTRUMENT_MISMATCH@instrument']);
  });
});
