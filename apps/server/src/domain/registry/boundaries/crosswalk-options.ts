import { z } from 'zod';
import { AppError } from '../../shared/app-error.js';

const System = z.string().regex(/^[a-z][a-z0-9_]*$/, 'lower-case letters, digits and _');
const CodeColumn = z.object({
  system: System,
  column: z.string().min(1),
  /**
   * Where a code must be unique: nationally (default), within the parent, or nowhere. LGD's Census 2001 district
   * codes restart per state and are shared by districts split since 2001 (Arwal keeps Jehanabad's): 'none'.
   */
  unique: z.enum(['country', 'parent', 'none']).optional(),
});

const Options = z.object({
  countryCode: z
    .string()
    .regex(/^[A-Z]{2}$/)
    .default('IN'),
  level: z.enum(['state', 'district', 'block']).optional(),
  /** The code system the areas already have, and the column holding it. */
  match: CodeColumn.optional(),
  /** Codes to add to each matched area. */
  add: z.array(CodeColumn).min(1).optional(),
  /** Column with the name as the crosswalk spells it, kept in names[nameKey] (default: the first added system). */
  name: z.string().min(1).optional(),
  nameKey: System.optional(),
  /** Column with the parent's name, to tell apart areas that share a code by mistake. */
  parentName: z.string().min(1).optional(),
});
export type CrosswalkOptions = Required<Pick<z.infer<typeof Options>, 'countryCode' | 'level' | 'match' | 'add'>> &
  Pick<z.infer<typeof Options>, 'name' | 'nameKey' | 'parentName'>;

/** The Local Government Directory (LGD) downloads, with census codes beside LGD codes. */
const PRESETS: { when: string[]; options: Omit<CrosswalkOptions, 'countryCode'> }[] = [
  {
    when: ['District Code', 'Census 2011 Code'],
    options: {
      level: 'district',
      match: { system: 'census2011', column: 'Census 2011 Code' },
      add: [
        { system: 'lgd', column: 'District Code' },
        { system: 'census2001', column: 'Census 2001 Code', unique: 'none' },
      ],
      name: 'District Name',
      parentName: 'State Name',
    },
  },
  {
    when: ['State Code', 'Census 2011 Code'],
    options: {
      level: 'state',
      match: { system: 'census2011', column: 'Census 2011 Code' },
      add: [
        { system: 'lgd', column: 'State Code' },
        { system: 'census2001', column: 'Census 2001 Code' },
      ],
      name: 'State Name',
    },
  },
];

/** The user's options, completed from a preset when the headers are those of an LGD download. */
export function resolveCrosswalkOptions(raw: Readonly<Record<string, unknown>>, headers: readonly string[]): CrosswalkOptions {
  const parsed = Options.safeParse(raw);
  if (!parsed.success) {
    throw new AppError(
      'IMPORT_FILE_INVALID',
      `Options: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`,
    );
  }
  const given = parsed.data;
  const preset =
    given.match || given.add
      ? undefined
      : PRESETS.find((p) => p.when.every((h) => headers.includes(h)) && (!given.level || given.level === p.options.level))
          ?.options;
  const merged = {
    ...preset,
    ...Object.fromEntries(Object.entries(given).filter(([, v]) => v !== undefined)),
  } as Partial<CrosswalkOptions> & { countryCode: string };
  if (!merged.level || !merged.match || !merged.add) {
    throw new AppError(
      'IMPORT_FILE_INVALID',
      `Give options level, match {system, column} and add [{system, column}]; the columns are: ${headers.join(', ')}.`,
    );
  }
  const options = merged as CrosswalkOptions;
  const columns = [options.match.column, ...options.add.map((a) => a.column), options.name, options.parentName].filter(
    (c): c is string => !!c,
  );
  const missing = columns.filter((c) => !headers.includes(c));
  if (missing.length)
    throw new AppError(
      'IMPORT_FILE_INVALID',
      `The file has no column ${missing.map((m) => `"${m}"`).join(', ')}; it has ${headers.join(', ')}.`,
    );
  return options;
}

export function flattenCrosswalkMapping(o: CrosswalkOptions): Record<string, string> {
  const out: Record<string, string> = { level: o.level, [`match.${o.match.system}`]: o.match.column };
  for (const a of o.add) out[`add.${a.system}`] = a.column;
  if (o.name) out.name = o.name;
  if (o.parentName) out.parentName = o.parentName;
  return out;
}
