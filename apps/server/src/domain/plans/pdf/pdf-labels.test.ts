import { missingLanguages } from '@safeschools/domain';
import { describe, expect, it } from 'vitest';
import {
  adultRoleLabels,
  audienceLabels,
  hazardLabels,
  pdfLabels,
  positionLabels,
  serviceLabels,
  statusLabels,
} from './pdf-labels.js';

describe('plan PDF labels', () => {
  it.each(
    Object.entries({ pdfLabels, statusLabels, hazardLabels, adultRoleLabels, positionLabels, serviceLabels, audienceLabels }),
  )('%s are written in every language', (_, labels) => {
    const incomplete = Object.entries(labels).filter(([, label]) => missingLanguages(label).length > 0);
    expect(incomplete).toEqual([]);
  });

  it('keep the placeholders the renderer fills in', () => {
    for (const text of Object.values(pdfLabels.pageFormat)) expect(text).toMatch(/\{page\}.*\{total\}/);
    for (const text of Object.values(pdfLabels.studentsN)) expect(text).toContain('{n}');
  });
});
