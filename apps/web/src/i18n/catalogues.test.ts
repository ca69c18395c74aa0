import { describe, expect, it } from 'vitest';
import { errorCodes } from '@safeschools/contract';
import { roles } from '@safeschools/domain';
import en from '../locales/en.json';
import hi from '../locales/hi.json';
import ja from '../locales/ja.json';

type Catalogue = { [key: string]: string | Catalogue };
const catalogues: Record<string, Catalogue> = { en, hi, ja };
const pluralSuffix = /_(zero|one|two|few|many|other)$/;

function flatten(catalogue: Catalogue, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(catalogue)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === 'string') out.set(path, value);
    else for (const [k, v] of flatten(value, path)) out.set(k, v);
  }
  return out;
}

/** Keys without plural suffixes: `dashboard.schools_one` and `dashboard.schools_other` are `dashboard.schools`. */
function baseKeys(flat: Map<string, string>): Set<string> {
  return new Set([...flat.keys()].map((key) => key.replace(pluralSuffix, '')));
}

function variables(text: string): string[] {
  return [...text.matchAll(/\{\{\s*(\w+)/g)].map((m) => m[1] ?? '').sort();
}

const flat = Object.fromEntries(Object.entries(catalogues).map(([lng, c]) => [lng, flatten(c)]));
const english = flat.en ?? new Map<string, string>();

describe('translation catalogues', () => {
  for (const lng of ['hi', 'ja']) {
    const other = flat[lng] ?? new Map<string, string>();
    it(`${lng} has exactly the keys of en (plural forms aside)`, () => {
      const missing = [...baseKeys(english)].filter((k) => !baseKeys(other).has(k));
      const extra = [...baseKeys(other)].filter((k) => !baseKeys(english).has(k));
      expect({ missing, extra }).toEqual({ missing: [], extra: [] });
    });

    it(`${lng} uses the same {{variables}} as en`, () => {
      const differing: string[] = [];
      for (const [key, value] of other) {
        const base = key.replace(pluralSuffix, '');
        const source = english.get(key) ?? english.get(`${base}_other`) ?? english.get(base);
        if (source !== undefined && variables(source).join() !== variables(value).join()) differing.push(key);
      }
      expect(differing).toEqual([]);
    });
  }

  for (const [lng, map] of Object.entries(flat)) {
    it(`${lng} has every plural form its language needs, and no empty text`, () => {
      const categories = new Intl.PluralRules(lng).resolvedOptions().pluralCategories;
      const pluralBases = new Set([...map.keys()].filter((k) => pluralSuffix.test(k)).map((k) => k.replace(pluralSuffix, '')));
      // A base key that is plural in any language must be plural in this one.
      for (const other of Object.values(flat)) {
        for (const key of other.keys()) if (pluralSuffix.test(key)) pluralBases.add(key.replace(pluralSuffix, ''));
      }
      const missing = [...pluralBases].flatMap((base) =>
        categories.filter((c) => !map.has(`${base}_${c}`)).map((c) => `${base}_${c}`),
      );
      expect(missing).toEqual([]);
      expect([...map].filter(([, v]) => v.trim() === '').map(([k]) => k)).toEqual([]);
    });

    it(`${lng} translates every API error code, role and area level`, () => {
      const needed = [
        ...Object.keys(errorCodes).map((code) => `errors.${code}`),
        'errors.NETWORK_ERROR',
        'errors.HTTP_ERROR',
        ...roles.map((role) => `roles.${role}`),
        ...['country', 'state', 'district', 'block'].map((level) => `areaLevels.${level}`),
      ];
      expect(needed.filter((key) => !map.has(key))).toEqual([]);
    });
  }
});
