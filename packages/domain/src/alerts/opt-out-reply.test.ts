import { describe, expect, it } from 'vitest';
import { isOptOutReply } from './reply-keywords.js';

describe('isOptOutReply', () => {
  it('reads STOP and its carrier synonyms in any case, with punctuation around', () => {
    for (const text of ['STOP', 'stop', ' Stop. ', 'UNSUBSCRIBE', 'StopAll', 'cancel', 'END', 'quit!', 'opt out']) {
      expect(isOptOutReply(text), text).toBe(true);
    }
  });

  it('reads the Hindi and Japanese opt-outs', () => {
    for (const text of ['रोकें', 'बंद', 'बंद करें', 'band karo', '停止', 'ストップ', 'ｽﾄｯﾌﾟ', '配信停止', '配信停止してください']) {
      expect(isOptOutReply(text), text).toBe(true);
    }
  });

  it('is not fooled by a sentence that only mentions stopping, nor by check-in answers', () => {
    for (const text of ['', 'SAFE', 'HELP', "don't stop", 'stop the rain please', 'सुरक्षित', '安全', 'the end of the day']) {
      expect(isOptOutReply(text), text).toBe(false);
    }
  });
});
