import { z } from 'zod';
import { AppError } from '../../shared/app-error.js';
import { propertyNames, type BoundaryFile, type BoundaryLayer } from './read-boundary-file.js';

export const AREA_LEVELS = ['country', 'state', 'district', 'block'] as const;
export type AreaLevel = (typeof AREA_LEVELS)[number];

const LevelMapping = z.object({
  /** TopoJSON object name; GeoJSON has one layer, `features`, and may leave it out. */
  object: z.string().min(1).optional(),
  level: z.enum(['state', 'district', 'block']),
  code: z.string().min(1),
  name: z.string().min(1),
  /** Property holding the code of the area one level up; needed below state. */
  parentCode: z.string().min(1).optional(),
});
export type LevelMapping = z.infer<typeof LevelMapping> & { object: string };

const Options = z.object({
  countryCode: z
    .string()
    .regex(/^[A-Z]{2}$/, 'two capital letters (ISO 3166-1)')
    .default('IN'),
  countryName: z.string().min(1).default('India'),
  codeSystem: z
    .string()
    .regex(/^[a-z][a-z0-9_]*$/, 'lower-case letters, digits and _')
    .default('census2011'),
  levels: z.array(LevelMapping).min(1).optional(),
  /** Import only this level of a file that has several (e.g. districts of a TopoJSON with states too). */
  level: z.enum(['state', 'district', 'block']).optional(),
  /** ISO date from which this file's geography holds; closes what it replaces the day before. */
  validFrom: z.iso.date().optional(),
});
export type BoundaryOptions = Omit<z.infer<typeof Options>, 'levels'> & { levels: LevelMapping[] };

// Property names seen in Indian boundary files (Census / DataMeet / udit001 style); compared case-insensitively.
const HINTS: Record<'state' | 'district', { name: string[]; code: string[]; parentCode?: string[] }> = {
  district: {
    name: ['district', 'dtname', 'district_name', 'dist_name'],
    code: ['dt_code', 'dtcode11', 'district_code', 'censuscode'],
    parentCode: ['st_code', 'stcode11', 'state_code'],
  },
  state: { name: ['st_nm', 'stname', 'state_name', 'state', 'st_name'], code: ['st_code', 'stcode11', 'state_code'] },
};

const pick = (names: string[], wanted: string[] | undefined) => wanted && names.find((n) => wanted.includes(n.toLowerCase()));

/** Guesses level and properties of one layer: a layer with a district name is districts, else one with a state name. */
export function suggestLevel(layer: BoundaryLayer): LevelMapping | null {
  // Only properties most features have: udit001's states layer gives two one-district UTs district properties.
  const names = propertyNames(layer).filter(
    (n) => layer.features.filter((f) => n in f.properties).length * 2 > layer.features.length,
  );
  for (const level of ['district', 'state'] as const) {
    const hint = HINTS[level];
    const name = pick(names, hint.name);
    const code = pick(names, hint.code);
    const parentCode = pick(names, hint.parentCode);
    if (name && code) return { object: layer.name, level, name, code, ...(parentCode ? { parentCode } : {}) };
  }
  return null;
}

const RANK: Record<AreaLevel, number> = { country: 0, state: 1, district: 2, block: 3 };
export const levelRank = (level: AreaLevel) => RANK[level];

/** The options to use: the user's, with the per-layer mapping suggested when they gave none. */
export function resolveBoundaryOptions(raw: Readonly<Record<string, unknown>>, file: BoundaryFile): BoundaryOptions {
  const parsed = Options.safeParse(raw);
  if (!parsed.success) {
    throw new AppError(
      'IMPORT_FILE_INVALID',
      `Options: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`,
    );
  }
  const given = parsed.data.levels;
  const levels = (
    given
      ? given.map((l) => ({ ...l, object: l.object ?? (file.layers.length === 1 ? file.layers[0]!.name : '') }))
      : file.layers.map(suggestLevel).filter((l): l is LevelMapping => l !== null)
  ).filter((l) => !parsed.data.level || l.level === parsed.data.level);
  if (!levels.length) {
    const seen = file.layers.map((l) => `${l.name}: ${propertyNames(l).join(', ') || '(none)'}`).join('; ');
    throw new AppError(
      'IMPORT_FILE_INVALID',
      `Could not tell which properties hold the area codes and names (${seen}). Give options.levels.`,
    );
  }
  for (const l of levels) {
    if (!file.layers.some((layer) => layer.name === l.object)) {
      throw new AppError(
        'IMPORT_FILE_INVALID',
        `The file has no object "${l.object}"; it has ${file.layers.map((x) => x.name).join(', ')}.`,
      );
    }
    if (l.level !== 'state' && !l.parentCode)
      throw new AppError('IMPORT_FILE_INVALID', `Level ${l.level} needs parentCode: the property naming the area it lies in.`);
  }
  if (new Set(levels.map((l) => l.level)).size !== levels.length)
    throw new AppError('IMPORT_FILE_INVALID', 'Each level may come from one object only.');
  return { ...parsed.data, levels: levels.sort((a, b) => RANK[a.level] - RANK[b.level]) };
}

/** The mapping as the imports API shows it: `districts.code` → `dt_code`. */
export function flattenMapping(options: BoundaryOptions): Record<string, string> {
  const out: Record<string, string> = { codeSystem: options.codeSystem, countryCode: options.countryCode };
  for (const l of options.levels) {
    out[`${l.object}.level`] = l.level;
    out[`${l.object}.code`] = l.code;
    out[`${l.object}.name`] = l.name;
    if (l.parentCode) out[`${l.object}.parentCode`] = l.parentCode;
  }
  return out;
}
