import type { Localized } from '../i18n.js';
import type { InstrumentDefinition, Question } from './instrument-types.js';

/** A small instrument for tests, so that each test states exactly the questions it relies on. */
export function text(en: string): Localized {
  return { en, hi: `${en} (hi)`, ja: `${en} (ja)` };
}

export function buildInstrument(questions: readonly Question[], extra: Partial<InstrumentDefinition> = {}): InstrumentDefinition {
  return {
    id: 'test-instrument',
    version: 1,
    title: text('Test'),
    citations: [{ title: 'Test source', publisher: 'Tests', year: 2024 }],
    sections: [{ id: 'main', title: text('Main'), questions }],
    redFlags: [],
    recommendations: [],
    ...extra,
  };
}
