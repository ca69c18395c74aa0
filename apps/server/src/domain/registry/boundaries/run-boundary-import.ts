import { uuidv7 } from 'uuidv7';
import { insertAudit } from '../../../db/audit/audit.repository.js';
import { checkAreaGeometry, listCurrentAreas } from '../../../db/registry/boundaries/boundary-areas.repository.js';
import type { ImportRunContext, ImportRunner, RowProblem } from '../../imports/import-runner.js';
import { applyBoundaryAreas } from './apply-boundary-areas.js';
import { optionsFromMapping } from './boundary-mapping.js';
import { flattenMapping, resolveBoundaryOptions, type AreaLevel, type BoundaryOptions } from './boundary-options.js';
import { planBoundaryAreas, type PlannedArea } from './plan-boundary-areas.js';
import { propertyNames, readBoundaryFile } from './read-boundary-file.js';
import { readWholeFile } from './read-whole-file.js';

/**
 * Admin boundaries from GeoJSON or TopoJSON: country, states, districts (and blocks) with their hierarchy,
 * matched to what is stored by parent and code, all written in one transaction (boundaries are few).
 */
export const runBoundaryImport: ImportRunner = async (ctx) => {
  const file = readBoundaryFile(await readWholeFile(ctx));
  const options = resolveBoundaryOptions({ ...optionsFromMapping(ctx.mapping), ...ctx.options }, file);
  const columns = [...new Set(file.layers.flatMap(propertyNames))];
  const mapping = flattenMapping(options);
  await ctx.progress(0.1, `Read ${file.format}: ${file.layers.map((l) => `${l.features.length} ${l.name}`).join(', ')}`);

  const { areas, problems } = planBoundaryAreas(file, options, await existingParentCodes(ctx, options));
  const checked = await checkGeometries(ctx, areas, problems);
  const rejectedRows = new Set(problems.filter((p) => p.severity === 'error').map((p) => p.row));
  const rows = file.layers
    .filter((l) => options.levels.some((m) => m.object === l.name))
    .reduce((n, l) => n + l.features.length, 0);
  const blocked = rejectedRows.size > 0 && !ctx.validRowsOnly;
  const write = !ctx.dryRun && !blocked;

  const apply = (on: Parameters<typeof applyBoundaryAreas>[1]) =>
    applyBoundaryAreas(ctx.database, on, {
      options,
      areas: checked,
      importId: ctx.importId,
      actorId: ctx.actorId,
      now: ctx.now,
      write,
    });
  // Progress and problems are written after the transaction: PGlite has one connection, which the transaction holds.
  const result = write
    ? await ctx.database.db.transaction(async (tx) => {
        const r = await apply(tx);
        await insertAudit(tx, {
          id: uuidv7(),
          at: ctx.now,
          actorId: ctx.actorId,
          action: 'import.boundaries',
          entity: 'import',
          entityId: ctx.importId,
          beforeVersion: null,
          afterVersion: null,
          requestId: `import:${ctx.importId}`,
          details: {
            created: r.created,
            updated: r.updated,
            unchanged: r.unchanged,
            rejected: rejectedRows.size,
            closed: r.closed,
            validFrom: options.validFrom ?? null,
          },
        });
        return r;
      })
    : await apply(ctx.database.db);
  for (const o of result.orphans) {
    problems.push({
      row: o.row,
      severity: 'error',
      code: 'PARENT_REJECTED',
      message: `${o.name}: the area it lies in (code ${o.parentCode}) was rejected, so it was left out.`,
      value: o.parentCode,
    });
    rejectedRows.add(o.row);
  }
  if (result.absent.length && !options.validFrom) {
    problems.push({
      row: 0,
      severity: 'warning',
      code: 'AREAS_ABSENT',
      message: `${result.absent.length} stored area(s) are not in this file and were left as they are (give validFrom to close them): ${result.absent.slice(0, 20).join(', ')}`,
    });
  }
  await ctx.report(problems.sort((a, b) => a.row - b.row));

  const counts = {
    rows,
    created: result.created,
    updated: result.updated,
    unchanged: result.unchanged,
    rejected: rejectedRows.size,
  };
  const status = blocked ? 'rejected' : ctx.dryRun ? 'validated' : 'completed';
  const verb = write ? 'Imported' : blocked ? 'Nothing imported; rejected' : 'Dry run, nothing written; would import';
  const closed = result.closed
    ? `; ${result.closed} area(s) no longer in the file ${write ? 'closed' : 'would close'} on ${options.validFrom}`
    : '';
  const message = `Read ${file.format} (${options.levels.map((l) => `${l.object} as ${l.level}`).join(', ')}). ${verb}: ${counts.created} new, ${counts.updated} changed, ${counts.unchanged} unchanged, ${counts.rejected} with errors${closed}.`;
  return { status, counts, columns, mapping, message };
};

/** Codes of areas stored at each level, so a file of districts can hang them on states imported earlier. */
async function existingParentCodes(ctx: ImportRunContext, options: BoundaryOptions): Promise<Map<AreaLevel, Set<string>>> {
  const out = new Map<AreaLevel, Set<string>>([['country', new Set([''])]]);
  for (const level of ['state', 'district'] as const) {
    const rows = await listCurrentAreas(ctx.database, ctx.database.db, options.countryCode, level, options.codeSystem);
    out.set(level, new Set(rows.flatMap((r) => (r.code ? [r.code] : []))));
  }
  return out;
}

/** PostGIS reads each geometry once before anything is written: unreadable ones are row errors, invalid ones repaired. */
async function checkGeometries(ctx: ImportRunContext, areas: PlannedArea[], problems: RowProblem[]): Promise<PlannedArea[]> {
  const kept: PlannedArea[] = [];
  for (const [i, area] of areas.entries()) {
    if (i % 100 === 0) await ctx.progress(0.1 + (0.4 * i) / areas.length, `Checking geometries ${i}/${areas.length}`);
    const problem = (severity: 'error' | 'warning', code: string, message: string) =>
      problems.push({ row: area.row, severity, code, message, value: area.name });
    try {
      const check = await checkAreaGeometry(ctx.database, area.geometry);
      if (!check.lonLat)
        problem(
          'error',
          'NOT_LON_LAT',
          `${area.name}: coordinates are not longitude/latitude (WGS 84); reproject the file to EPSG:4326.`,
        );
      else if (check.empty) problem('error', 'GEOMETRY_EMPTY', `${area.name}: the geometry has no area left once repaired.`);
      else {
        if (!check.valid)
          problem('warning', 'GEOMETRY_REPAIRED', `${area.name}: invalid geometry (${check.reason}) was repaired.`);
        kept.push(area);
      }
    } catch (error) {
      problem(
        'error',
        'GEOMETRY_UNREADABLE',
        `${area.name}: PostGIS cannot read the geometry (${error instanceof Error ? error.message.slice(0, 200) : 'unknown error'}).`,
      );
    }
  }
  return kept;
}
