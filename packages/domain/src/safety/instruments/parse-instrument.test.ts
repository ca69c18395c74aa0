import { describe, expect, it } from 'vitest';
import { schoolSafetyInstrument } from './school-safety/school-safety-instrument.js';
import { parseInstrument } from './parse-instrument.js';

describe('parseInstrument', () => {
  it('reads the built-in instrument back from JSON', () => {
    const result = parseInstrument(JSON.parse(JSON.stringify(schoolSafetyInstrument)));
    expect(result.ok).toBe(true);
  });

  it('reports the shape before the rules, without throwing', () => {
    expect(parseInstrument(null)).toMatchObject({ ok: false, problems: [{ code: 'INSTRUMENT_SHAPE_INVALID', path: '' }] });
    const broken = { id: 'x', version: 1, title: {}, citations: [], redFlags: [], recommendations: [], sections: [{ id: 's', title: {}, questions: [{ id: 'q', type: 'choice', label: {}, required: true }] }] };
    expect(parseInstrument(broken)).toMatchObject({ ok: false, problems: [{ code: 'INSTRUMENT_SHAPE_INVALID', path: 'sections.s.questions.0.options' }] });
  });

  it('then applies the rules', () => {
    const json = JSON.parse(JSON.stringify(schoolSafetyInstrument)) as { title: Record<string, string> };
    json.title.ja = '';
    expect(parseInstrument(json)).toMatchObject({ ok: false, problems: [{ code: 'INSTRUMENT_TRANSLATION_MISSING', path: 'title' }] });
  });
});
