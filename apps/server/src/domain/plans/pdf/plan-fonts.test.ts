import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { findPlanFontFolders } from './plan-fonts.js';

const root = mkdtempSync(join(tmpdir(), 'plan-fonts-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('findPlanFontFolders', () => {
  it('names the Debian packages to install when the fonts are missing', () => {
    expect(() => findPlanFontFolders([join(root, 'nowhere')])).toThrow(/apt-get install fonts-noto-core fonts-noto-cjk/);
  });

  it('names only the package still missing', () => {
    mkdirSync(join(root, 'truetype/noto'), { recursive: true });
    for (const file of ['NotoSans-Regular.ttf', 'NotoSansDevanagari-Regular.ttf'])
      writeFileSync(join(root, 'truetype/noto', file), '');
    expect(() => findPlanFontFolders([root])).toThrow(
      /Noto Sans CJK JP \(NotoSansCJK-Regular\.ttc\)\. Install them with `apt-get install fonts-noto-cjk`/,
    );
  });

  it('returns each folder holding a needed font once', () => {
    mkdirSync(join(root, 'opentype/noto'), { recursive: true });
    writeFileSync(join(root, 'opentype/noto/NotoSansCJK-Regular.ttc'), '');
    expect(findPlanFontFolders([root]).sort()).toEqual([join(root, 'opentype/noto'), join(root, 'truetype/noto')]);
  });

  it('finds the fonts installed on this machine', () => {
    expect(findPlanFontFolders().length).toBeGreaterThan(0);
  });
});
