import { allQuestions, visibleQuestions, type AnswerValue, type InstrumentDefinition, type Question } from '@safeschools/domain';

/** The answer a question's scoring rates best (or worst), so tests get full marks or none without knowing the instrument. */
function answerFor(q: Question, mode: 'best' | 'worst'): AnswerValue | undefined {
  const scores = q.scoring?.answerScores;
  const pick = (keys: string[]): string | undefined => {
    if (!scores) return keys[0];
    const rated = keys.filter((k) => scores[k] !== undefined).sort((a, b) => (scores[b]! - scores[a]!) * (mode === 'best' ? 1 : -1));
    return rated[0] ?? keys[0];
  };
  switch (q.type) {
    case 'yes_no':
      return pick(['yes', 'no']);
    case 'scale':
      return pick(['ALL', 'MOST', 'SOME', 'FEW', 'NONE']);
    case 'choice':
      return pick(q.options.filter((o) => !o.exclusive || !scores).map((o) => o.id)) ?? q.options[0]!.id;
    case 'multi_choice': {
      const one = pick(q.options.filter((o) => !o.exclusive).map((o) => o.id));
      return one ? [one] : [];
    }
    case 'number': {
      const bands = [...(q.scoring?.numberBands ?? [])].sort((a, b) => (b.score - a.score) * (mode === 'best' ? 1 : -1));
      const band = bands[0];
      const value = band ? (band.min ?? (band.max !== undefined ? band.max : 1)) : Math.max(q.min ?? 1, 1);
      return Math.min(Math.max(value, q.min ?? value), q.max ?? value);
    }
    case 'geopoint':
      return { lat: 27.33, lon: 88.61 };
    case 'text':
      return 'As observed on the day.';
    case 'photo':
      return undefined;
  }
}

/** A complete, valid answer set: every shown question answered (photos left out), hidden ones not. */
export function answersFor(def: InstrumentDefinition, mode: 'best' | 'worst', overrides: Record<string, AnswerValue> = {}): Record<string, AnswerValue> {
  const values: Record<string, AnswerValue> = {};
  for (const q of allQuestions(def)) {
    const v = overrides[q.id] ?? answerFor(q, mode);
    if (v !== undefined) values[q.id] = v;
  }
  // Drop answers to questions the other answers hide, until nothing changes.
  for (let changed = true; changed; ) {
    changed = false;
    const shown = visibleQuestions(def, values);
    for (const id of Object.keys(values)) {
      if (!shown.has(id)) {
        delete values[id];
        changed = true;
      }
    }
  }
  return values;
}
