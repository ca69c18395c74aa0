import { describe, expect, it } from 'vitest';
import { csvCell, csvLine } from './csv-cell.js';

describe('csvCell', () => {
  it('quotes what needs quoting and leaves the rest', () => {
    expect(csvCell('Enchey School')).toBe('Enchey School');
    expect(csvCell('Gangtok, East')).toBe('"Gangtok, East"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell('two\nlines')).toBe('"two\nlines"');
    expect(csvCell(null)).toBe('');
    expect(csvCell(-12.5)).toBe('-12.5');
    expect(csvCell(Number.NaN)).toBe('');
  });

  it('defuses text a spreadsheet would run as a formula', () => {
    for (const evil of ['=1+1', '+1', '-1', '@SUM(A1)', '\tx']) expect(csvCell(evil).replace(/^"/, '')).toMatch(/^'/);
  });

  it('ends lines with CRLF', () => {
    expect(csvLine(['a', 1, null])).toBe('a,1,\r\n');
  });
});
