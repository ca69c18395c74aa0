import { describe, expect, it } from 'vitest';
import { capRank, capSeverities, hazardTypeMatches, matchRule, type EventFacts, type RuleConditions } from './match-rule.js';

const builtIn: RuleConditions = {
  eventKinds: [],
  hazardTypes: [],
  statuses: ['actual'],
  minSeverity: 'Severe',
  minUrgency: null,
  minCertainty: null,
  minBand: 2,
  minIntensity: null,
  match: 'any',
};
const event = (over: Partial<EventFacts> = {}): EventFacts => ({
  kind: 'cap',
  status: 'actual',
  hazardType: 'Earthquake',
  severity: 'Moderate',
  urgency: 'Immediate',
  certainty: 'Observed',
  ...over,
});

describe('matchRule', () => {
  it('orders CAP values weakest first and knows nothing of Unknown', () => {
    expect(capRank(capSeverities, 'Extreme')).toBeGreaterThan(capRank(capSeverities, 'Severe'));
    expect(capRank(capSeverities, 'minor')).toBe(0);
    expect(capRank(capSeverities, 'Unknown')).toBe(-1);
    expect(capRank(capSeverities, null)).toBe(-1);
  });

  it('the built-in rule: severe or extreme, or band 2 and above (any)', () => {
    expect(matchRule(builtIn, event({ severity: 'Extreme' }), { band: 1, intensity: 5.2 })).toBe(true);
    expect(matchRule(builtIn, event({ severity: 'Severe' }), { band: 1, intensity: 5.2 })).toBe(true);
    expect(matchRule(builtIn, event({ severity: 'Moderate' }), { band: 2, intensity: 6.1 })).toBe(true);
    expect(matchRule(builtIn, event({ severity: 'Moderate' }), { band: 1, intensity: 5.2 })).toBe(false);
    expect(matchRule(builtIn, event({ severity: 'Unknown' }), { band: 1, intensity: 5.2 })).toBe(false);
  });

  it('all: every condition set must hold', () => {
    const all = { ...builtIn, match: 'all' as const };
    expect(matchRule(all, event({ severity: 'Extreme' }), { band: 1, intensity: 5 })).toBe(false);
    expect(matchRule(all, event({ severity: 'Extreme' }), { band: 2, intensity: 6 })).toBe(true);
    expect(matchRule(all, event({ severity: 'Moderate' }), { band: 3, intensity: 7 })).toBe(false);
  });

  it('urgency and certainty thresholds use their CAP orders', () => {
    const rule = { ...builtIn, minSeverity: null, minBand: null, minUrgency: 'Expected', minCertainty: 'Likely' };
    expect(matchRule(rule, event({ urgency: 'Immediate', certainty: 'Observed' }), { band: 1, intensity: 1 })).toBe(true);
    expect(matchRule(rule, event({ urgency: 'Future', certainty: 'Observed' }), { band: 1, intensity: 1 })).toBe(false);
    expect(matchRule(rule, event({ urgency: 'Expected', certainty: 'Possible' }), { band: 1, intensity: 1 })).toBe(false);
  });

  it('minimum intensity in the event measure', () => {
    const rule = { ...builtIn, minSeverity: null, minBand: null, minIntensity: 33 };
    expect(matchRule(rule, event({ kind: 'cyclone' }), { band: 3, intensity: 34 })).toBe(true);
    expect(matchRule(rule, event({ kind: 'cyclone' }), { band: 3, intensity: 30 })).toBe(false);
  });

  it('exercises only when the rule lists them; kinds and hazard types gate the event', () => {
    expect(matchRule(builtIn, event({ status: 'exercise', severity: 'Extreme' }), { band: 4, intensity: 8 })).toBe(false);
    expect(
      matchRule({ ...builtIn, statuses: ['actual', 'exercise'] }, event({ status: 'exercise', severity: 'Extreme' }), {
        band: 4,
        intensity: 8,
      }),
    ).toBe(true);
    expect(matchRule({ ...builtIn, eventKinds: ['shakemap'] }, event({ severity: 'Extreme' }), { band: 4, intensity: 8 })).toBe(
      false,
    );
    expect(
      matchRule({ ...builtIn, hazardTypes: ['cyclone'] }, event({ hazardType: 'Tropical Cyclone', severity: 'Extreme' }), {
        band: 1,
        intensity: 1,
      }),
    ).toBe(true);
    expect(
      matchRule({ ...builtIn, hazardTypes: ['flood'] }, event({ hazardType: 'Tropical Cyclone', severity: 'Extreme' }), {
        band: 1,
        intensity: 1,
      }),
    ).toBe(false);
  });

  it('a rule with no condition tells every affected school the gates admit', () => {
    const rule = { ...builtIn, minSeverity: null, minBand: null };
    expect(matchRule(rule, event({ severity: null }), { band: 1, intensity: 1 })).toBe(true);
  });

  it('matches hazard words, not fragments', () => {
    expect(hazardTypeMatches(['fire'], 'Wildfire')).toBe(false);
    expect(hazardTypeMatches(['fire'], 'Forest fire')).toBe(true);
    expect(hazardTypeMatches([], null)).toBe(true);
    expect(hazardTypeMatches(['flood'], null)).toBe(false);
  });
});
