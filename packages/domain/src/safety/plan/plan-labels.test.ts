import { describe, expect, it } from 'vitest';
import { missingLanguages } from '../i18n.js';
import { planSectionLabels, sopKindLabels, taskForceLabels } from './plan-labels.js';
import { planSections, sopKinds, standardTaskForceTypes } from './plan-types.js';

describe('plan labels', () => {
  it('name every task force, section and procedure in every language', () => {
    const all = [
      ...standardTaskForceTypes.map((k) => taskForceLabels[k]),
      ...planSections.map((k) => planSectionLabels[k]),
      ...sopKinds.map((k) => sopKindLabels[k]),
    ];
    expect(all).toHaveLength(standardTaskForceTypes.length + planSections.length + sopKinds.length);
    for (const label of all) expect(missingLanguages(label), label.en).toEqual([]);
  });
});
