import type { GeoWarning } from '../errors.js';
import type { FragilitySet } from './fragility-types.js';

export interface TypologyRule {
  /** Matched against the lower-cased, trimmed typology string. */
  test: RegExp;
  fragilityId: string;
}

// Free-text registry terms (UDISE building types, common Indian usage) and GEM taxonomy v2/v3 fragments
// (material/lateral-load system/ductility). First match wins, so specific patterns come first.
export const DEFAULT_TYPOLOGY_RULES: TypologyRule[] = [
  { test: /^(kutcha|kuchcha|kachha|kacha|mud|adobe|earth)|\bm\+ado\b|\bmur\+ado\b|\beu\b|\bmur\+stdre\b|\bmur\+strub\b/, fragilityId: 'URML-pre' },
  { test: /semi[- ]?pucca|partially pucca|partly pucca/, fragilityId: 'URML-low' },
  { test: /^(tent|tin|shed)|\bs\/ls?\b|steel light/, fragilityId: 'S3-pre' },
  { test: /^w\b|^w\+|^w\/|wood|timber|bamboo/, fragilityId: 'W1-pre' },
  { test: /\bmcf\b|\bmr\b|reinforced masonry|confined masonry/, fragilityId: 'RM1L-low' },
  { test: /^c[r]?\/lfinf.*\+duc|^cr\+.*\/lfinf.*\+duc/, fragilityId: 'C3L-low' },
  { test: /^c[r]?\/lfinf|^cr\+.*\/lfinf|\blfinf\b/, fragilityId: 'C3L-pre' },
  { test: /^c[r]?\/lfm.*\+duc|^cr\/ldual.*\+duh/, fragilityId: 'C1L-moderate' },
  { test: /^c[r]?\/l|^cr\b|^rcc?\b|r\.c\.c|concrete|pucca/, fragilityId: 'C3L-pre' },
  { test: /^mur\b|^mur\+|^m\+|masonry|brick|stone|^m\//, fragilityId: 'URML-pre' },
];

export interface TypologyMapping {
  /** Fragility function index per typology-table entry. */
  functionIndex: Int32Array;
  warnings: GeoWarning[];
}

/**
 * Maps registry typology strings to fragility functions. Unmapped strings get the default function (never
 * zero damage, never an abort) and are listed, with school counts, in one TYPOLOGY_UNMAPPED warning.
 */
export function mapTypologies(
  typologies: string[],
  set: FragilitySet,
  options: { rules?: TypologyRule[]; defaultId?: string; counts?: ArrayLike<number> } = {},
): TypologyMapping {
  const rules = options.rules ?? DEFAULT_TYPOLOGY_RULES;
  const ids = new Map(set.functions.map((f, i) => [f.id, i]));
  const defaultId = options.defaultId ?? (ids.has('URML-pre') ? 'URML-pre' : set.functions[0]?.id ?? '');
  const fallback = ids.get(defaultId) ?? 0;
  const functionIndex = new Int32Array(typologies.length);
  const unmapped: string[] = [];
  typologies.forEach((t, i) => {
    const key = t.trim().toLowerCase();
    const exact = ids.get(t.trim());
    const rule = exact === undefined ? rules.find((r) => r.test.test(key)) : undefined;
    const idx = exact ?? (rule ? ids.get(rule.fragilityId) : undefined);
    if (idx === undefined) {
      functionIndex[i] = fallback;
      const n = options.counts?.[i];
      if (n === undefined || n > 0) unmapped.push(n === undefined ? `"${t}"` : `"${t}" (${n} schools)`);
    } else functionIndex[i] = idx;
  });
  const warnings: GeoWarning[] = [];
  if (unmapped.length > 0) {
    warnings.push({ code: 'TYPOLOGY_UNMAPPED', message: `No fragility function matches ${unmapped.join(', ')}; the default "${defaultId}" was used.` });
  }
  return { functionIndex, warnings };
}
