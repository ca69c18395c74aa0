import { describe, expect, it } from 'vitest';
import { checkInReplyStatus } from './reply-keywords.js';

describe('checkInReplyStatus', () => {
  it.each([
    ['SAFE', 'all_safe'],
    ['ok', 'all_safe'],
    ['  Safe. ', 'all_safe'],
    ['HELP', 'need_help'],
    ['help! roof fell', 'need_help'],
    ['DAMAGE', 'building_damaged'],
    ['INJURED 2', 'some_injured'],
    ['सुरक्षित', 'all_safe'],
    ['सब ठीक है', 'all_safe'],
    ['मदद', 'need_help'],
    ['घायल', 'some_injured'],
    ['नुकसान', 'building_damaged'],
    ['surakshit', 'all_safe'],
    ['MADAD chahiye', 'need_help'],
    ['安全', 'all_safe'],
    ['全員無事です', 'all_safe'],
    ['助けて', 'need_help'],
    ['けが人 2名', 'some_injured'],
    ['校舎に被害', 'building_damaged'],
    ['ＳＡＦＥ', 'all_safe'],
  ])('%s → %s', (text, status) => {
    expect(checkInReplyStatus(text)).toBe(status);
  });

  it('reads the more urgent state when a reply names two', () => {
    expect(checkInReplyStatus('DAMAGE and HELP')).toBe('need_help');
    expect(checkInReplyStatus('damaged, 3 injured')).toBe('some_injured');
  });

  it('does not read a word inside another word', () => {
    expect(checkInReplyStatus('unsafe')).toBeNull();
    expect(checkInReplyStatus('helpless')).toBeNull();
    expect(checkInReplyStatus('token')).toBeNull();
  });

  it('leaves negated and unknown replies unrecorded, so the school is called', () => {
    expect(checkInReplyStatus('NOT SAFE')).toBeNull();
    expect(checkInReplyStatus('no damage')).toBeNull();
    expect(checkInReplyStatus('सुरक्षित नहीं')).toBeNull();
    expect(checkInReplyStatus('被害なし')).toBeNull();
    expect(checkInReplyStatus('STOP')).toBeNull();
    expect(checkInReplyStatus('')).toBeNull();
    expect(checkInReplyStatus('who is this?')).toBeNull();
  });
});
