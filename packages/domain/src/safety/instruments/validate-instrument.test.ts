import { describe, expect, it } from 'vitest';
import type { Question } from './instrument-types.js';
import { buildInstrument, text } from './testing-instrument.js';
import { validateInstrument } from './validate-instrument.js';

const yesNo = (id: string, extra: Partial<Question> = {}): Question =>
  ({ id, type: 'yes_no', label: text(id), required: true, ...extra }) as Question;

const codes = (questions: Question[]) => validateInstrument(buildInstrument(questions)).map((p) => `${p.code}@${p.path}`);

describe('validateInstrument', () => {
  it('accepts a sound definition', () => {
    expect(codes([yesNo('a'), yesNo('b', { showIf: { question: 'a', equals: 'yes' } })])).toEqual([]);
  });

  it('finds duplicate question ids', () => {
    expect(codes([yesNo('a'), yesNo('a')])).toContain('INSTRUMENT_DUPLICATE_ID@a');
  });

  it('refuses conditions on unknown, later or the same question', () => {
    expect(codes([yesNo('a', { showIf: { question: 'zz', equals: 'yes' } })])).toEqual(['INSTRUMENT_CONDITION_NOT_EARLIER@a']);
    expect(codes([yesNo('a', { showIf: { question: 'b', equals: 'yes' } }), yesNo('b')])).toEqual([
      'INSTRUMENT_CONDITION_NOT_EARLIER@a',
    ]);
    expect(codes([yesNo('a', { showIf: { not: { question: 'a', answered: true } } })])).toEqual([
      'INSTRUMENT_CONDITION_NOT_EARLIER@a',
    ]);
  });

  it('names the missing language', () => {
    const problems = validateInstrument(buildInstrument([yesNo('a', { label: { en: 'A', hi: ' ', ja: 'A' } })]));
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ code: 'INSTRUMENT_TRANSLATION_MISSING', path: 'a.label' });
    expect(problems[0]?.message).toContain('hi');
  });

  it('wants options on choices and a positive weight on scored questions', () => {
    const choice = { id: 'c', type: 'choice', label: text('c'), required: true, options: [] } as Question;
    expect(codes([choice])).toEqual(['INSTRUMENT_CHOICE_WITHOUT_OPTIONS@c']);
    const weightless = yesNo('w', { scoring: { pillar: 'pillar1', weight: 0, answerScores: { yes: 1, no: 0 } } });
    expect(codes([weightless])).toEqual(['INSTRUMENT_WEIGHT_NOT_POSITIVE@w']);
  });

  it('refuses scores for answers the question cannot take, or outside 0..1', () => {
    const q = yesNo('s', { scoring: { pillar: 'pillar2', weight: 1, answerScores: { yes: 2, maybe: 0 } } });
    expect(codes([q])).toEqual(['INSTRUMENT_SCORE_OUT_OF_RANGE@s', 'INSTRUMENT_SCORING_UNKNOWN_ANSWER@s']);
  });

  it('checks rules against the questions that exist', () => {
    const def = buildInstrument([yesNo('a')], {
      redFlags: [{ code: 'RF_X', when: { question: 'ghost', equals: 'yes' }, label: text('x') }],
      recommendations: [{ id: 'R1', when: { question: 'a', equals: 'no' }, pillar: 'pillar1', priority: 'high', text: text('r') }],
    });
    expect(validateInstrument(def).map((p) => p.code)).toEqual(['INSTRUMENT_CONDITION_UNKNOWN_QUESTION']);
  });

  it('refuses conditions on values a question cannot take', () => {
    const kind = { id: 'kind', type: 'choice', label: text('kind'), required: true, options: [{ id: 'kutcha', label: text('k') }] } as Question;
    expect(codes([kind, yesNo('b', { showIf: { question: 'kind', in: ['kutcha '] } })])).toEqual(['INSTRUMENT_CONDITION_VALUE_INVALID@b']);
    expect(codes([kind, yesNo('b', { showIf: { question: 'kind', gt: 2 } })])).toEqual(['INSTRUMENT_CONDITION_VALUE_INVALID@b']);
    expect(codes([kind, yesNo('b', { showIf: { question: 'kind', includes: 'kutcha' } })])).toEqual(['INSTRUMENT_CONDITION_VALUE_INVALID@b']);
    expect(codes([yesNo('a'), yesNo('b', { showIf: { not: { question: 'a', equals: 'YES' } } })])).toEqual(['INSTRUMENT_CONDITION_VALUE_INVALID@b']);
    expect(codes([kind, yesNo('b', { showIf: { question: 'kind', equals: 'kutcha' } })])).toEqual([]);
  });
});
