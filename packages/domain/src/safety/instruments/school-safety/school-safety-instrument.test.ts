import { describe, expect, it } from 'vitest';
import { allQuestions, pillars } from '../instrument-types.js';
import { validateInstrument } from '../validate-instrument.js';
import { schoolSafetyInstrument } from './school-safety-instrument.js';

const devanagari = /[\u0900-\u097F]/;
const japanese = /[\u3040-\u30FF\u4E00-\u9FFF]/;

describe('built-in school safety self-assessment', () => {
  it('passes its own validator', () => {
    expect(validateInstrument(schoolSafetyInstrument)).toEqual([]);
  });

  it('has 30 to 45 questions covering hazards, the foundation and the three pillars', () => {
    const questions = allQuestions(schoolSafetyInstrument);
    expect(questions.length).toBeGreaterThanOrEqual(30);
    expect(questions.length).toBeLessThanOrEqual(45);
    const scored = new Set(questions.flatMap((q) => (q.scoring ? [q.scoring.pillar] : [])));
    expect([...scored].sort()).toEqual([...pillars].sort());
  });

  it('writes Hindi in Devanagari and Japanese in Japanese script', () => {
    for (const q of allQuestions(schoolSafetyInstrument)) {
      expect(q.label.hi, q.id).toMatch(devanagari);
      expect(q.label.ja, q.id).toMatch(japanese);
      expect(q.label.hi).not.toBe(q.label.en);
    }
  });

  it('cites both frameworks', () => {
    const titles = schoolSafetyInstrument.citations.map((c) => c.title).join(' ');
    expect(titles).toContain('Comprehensive School Safety Framework 2022-2030');
    expect(titles).toContain('School Safety Policy');
  });
});
