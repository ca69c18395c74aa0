import { describe, expect, it } from 'vitest';
import { importFields } from './run-import';

describe('importFields', () => {
  it('puts kind first and the file last, with mapping and options as JSON', () => {
    const file = new File(['a'], 'schools.csv');
    const fields = importFields({
      kind: 'boundaries',
      mapping: { name: 'NAME_2' },
      dryRun: false,
      validRowsOnly: true,
      fromImport: '00000000-0000-7000-8000-000000000001',
      file,
    });
    expect(fields).toEqual([
      ['kind', 'boundaries'],
      ['mapping', '{"name":"NAME_2"}'],
      ['dryRun', 'false'],
      ['validRowsOnly', 'true'],
      ['options', '{}'],
      ['fromImport', '00000000-0000-7000-8000-000000000001'],
      ['file', file],
    ]);
  });
});
