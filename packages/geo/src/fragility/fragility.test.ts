import { describe, expect, it } from 'vitest';
import { geoError } from '../testing/expect-geo-error.js';
import { sharedBytes } from '../testing/shared-data.js';
import { DEFAULT_FRAGILITY } from './default-fragility.js';
import { exceedance } from './fragility-types.js';
import { lognormalCdf, lognormalFromMoments, normalCdf } from './lognormal.js';
import { mapTypologies } from './map-typologies.js';
import { readNrmlFragility } from './read-nrml-fragility.js';

describe('lognormal', () => {
  it('is 0.5 at the median and matches known normal quantiles', () => {
    expect(lognormalCdf(0.3, 0.3, 0.6)).toBeCloseTo(0.5, 7);
    expect(normalCdf(1.959964)).toBeCloseTo(0.975, 6);
    expect(normalCdf(-1)).toBeCloseTo(0.158655, 6);
    expect(lognormalCdf(0.3 * Math.exp(0.6), 0.3, 0.6)).toBeCloseTo(0.841345, 6);
    expect(lognormalCdf(0, 0.3, 0.6)).toBe(0);
  });

  it('converts the moments of a lognormal variable to median and β', () => {
    // A lognormal with θ = 1, β = 0.5 has mean exp(β²/2) and variance (exp(β²) - 1) exp(β²).
    const mean = Math.exp(0.125);
    const sd = Math.sqrt((Math.exp(0.25) - 1) * Math.exp(0.25));
    const { theta, beta } = lognormalFromMoments(mean, sd);
    expect(theta).toBeCloseTo(1, 10);
    expect(beta).toBeCloseTo(0.5, 10);
  });
});

describe('readNrmlFragility', () => {
  it('reads all 544 discrete functions of the GEM TREQ database', () => {
    const { set, warnings } = readNrmlFragility(sharedBytes('fragility/gem_treq_global_fragility/structural_fragility_all_database.xml'));
    expect(set.limitStates).toEqual(['slight', 'moderate', 'extensive', 'complete']);
    expect(set.functions).toHaveLength(544);
    expect(new Set(set.functions.map((f) => f.imt))).toEqual(new Set(['PGA', 'SA(0.3)', 'SA(0.6)', 'SA(1.0)']));
    const first = set.functions[0];
    expect(first).toMatchObject({ id: 'CR_LDUAL-DUH_H1', kind: 'discrete', imt: 'PGA', noDamageLimit: 0.05 });
    // Interpolation at a tabulated node returns the tabulated value.
    expect(first && first.kind === 'discrete' ? exceedance(first, 0, first.imls[30] as number) : 0).toBeCloseTo(0.868251, 6);
    expect(first ? exceedance(first, 0, 0.01) : 1).toBe(0);
    expect(warnings).toEqual([]);
  });

  it('refuses the GVM India vulnerability model, saying why', () => {
    const err = geoError(() => readNrmlFragility(sharedBytes('fragility/gem_gvm_2023_india/vulnerability_structural.xml')));
    expect(err.code).toBe('FRAGILITY_INVALID');
    expect(err.message).toMatch(/vulnerabilityModel/);
  });

  it('reads a continuous function and converts mean/stddev', () => {
    const xml = `<nrml xmlns="http://openquake.org/xmlns/nrml/0.5"><fragilityModel id="m" assetCategory="buildings" lossCategory="structural">
      <limitStates>slight complete</limitStates>
      <fragilityFunction id="RC" format="continuous" shape="logncdf"><imls imt="PGA" noDamageLimit="0.05" minIML="0.05" maxIML="2"/>
      <params ls="slight" mean="0.2" stddev="0.1"/><params ls="complete" mean="0.8" stddev="0.4"/></fragilityFunction></fragilityModel></nrml>`;
    const f = readNrmlFragility(xml).set.functions[0];
    const expected = lognormalFromMoments(0.2, 0.1);
    expect(f).toMatchObject({ kind: 'lognormal', imt: 'PGA' });
    expect(f && f.kind === 'lognormal' ? f.theta[0] : 0).toBeCloseTo(expected.theta, 12);
    expect(f ? exceedance(f, 0, expected.theta) : 0).toBeCloseTo(0.5, 6);
  });

  it.each([
    ['not NRML', '<x/>', /nrml/],
    ['no model', '<nrml xmlns="http://openquake.org/xmlns/nrml/0.5"/>', /no fragilityModel/],
    ['poes of the wrong length', '<nrml xmlns="http://openquake.org/xmlns/nrml/0.5"><fragilityModel><limitStates>a</limitStates><fragilityFunction id="f" format="discrete"><imls imt="PGA">0.1 0.2</imls><poes ls="a">0.1</poes></fragilityFunction></fragilityModel></nrml>', /1 values for 2 imls/],
    ['a missing limit state', '<nrml xmlns="http://openquake.org/xmlns/nrml/0.5"><fragilityModel><limitStates>a b</limitStates><fragilityFunction id="f" format="discrete"><imls imt="PGA">0.1 0.2</imls><poes ls="a">0.1 0.2</poes></fragilityFunction></fragilityModel></nrml>', /no poes for limit state "b"/],
    ['an unknown format', '<nrml xmlns="http://openquake.org/xmlns/nrml/0.5"><fragilityModel><limitStates>a</limitStates><fragilityFunction id="f" format="x"><imls imt="PGA">0.1 0.2</imls></fragilityFunction></fragilityModel></nrml>', /format "x"/],
  ])('refuses %s', (_n, xml, pattern) => {
    expect(geoError(() => readNrmlFragility(xml)).message).toMatch(pattern);
  });
});

describe('mapTypologies', () => {
  it('maps free text and GEM strings, and lists unmapped ones with counts', () => {
    const typologies = ['RCC', 'Kutcha', 'pucca', 'Semi-Pucca', 'masonry', 'CR/LFINF+DUC/H:2', 'MUR+ADO/LWAL/H:1', 'W/LFM', 'igloo'];
    const { functionIndex, warnings } = mapTypologies(typologies, DEFAULT_FRAGILITY, { counts: [5, 4, 3, 2, 1, 1, 1, 1, 7] });
    const ids = Array.from(functionIndex).map((i) => DEFAULT_FRAGILITY.functions[i]?.id);
    expect(ids).toEqual(['C3L-pre', 'URML-pre', 'C3L-pre', 'URML-low', 'URML-pre', 'C3L-low', 'URML-pre', 'W1-pre', 'URML-pre']);
    expect(warnings).toEqual([{ code: 'TYPOLOGY_UNMAPPED', message: expect.stringContaining('"igloo" (7 schools)') as string }]);
  });

  it('uses exact function ids of the set first', () => {
    expect(Array.from(mapTypologies(['C1L-moderate'], DEFAULT_FRAGILITY).functionIndex)).toEqual([5]);
  });
});
