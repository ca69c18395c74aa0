import { uuidv7 } from 'uuidv7';
import { insertAudit } from '../../../db/audit/audit.repository.js';
import type { Database, Executor } from '../../../db/database.js';
import {
  closeArea,
  geometryDiffers,
  insertBoundaryArea,
  listCurrentAreas,
  updateBoundaryArea,
  type CurrentArea,
} from '../../../db/registry/boundaries/boundary-areas.repository.js';
import type { AreaLevel, BoundaryOptions } from './boundary-options.js';
import { siblingKey, type PlannedArea } from './plan-boundary-areas.js';
import { ensureCountry, placedFromDatabase, type Placed } from './boundary-anchors.js';

export interface ApplyResult {
  created: number;
  updated: number;
  unchanged: number;
  /** Areas of the levels and parents in this file that the file no longer has; closed when validFrom is given. */
  absent: string[];
  closed: number;
  /** Areas whose parent was itself rejected, so they have nowhere to hang. */
  orphans: PlannedArea[];
}

export interface ApplyInput {
  options: BoundaryOptions;
  areas: readonly PlannedArea[];
  importId: string;
  actorId: string | null;
  now: Date;
  /** False for a dry run: the same comparisons, nothing written. */
  write: boolean;
}

const dayBefore = (isoDate: string) => new Date(Date.parse(`${isoDate}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);

/** Matches each planned area with the one already stored (same parent, same code or name) and writes the difference. */
export async function applyBoundaryAreas(database: Database, on: Executor, input: ApplyInput): Promise<ApplyResult> {
  const { options, write } = input;
  const result: ApplyResult = { created: 0, updated: 0, unchanged: 0, absent: [], closed: 0, orphans: [] };
  const auditRow = (
    action: string,
    entityId: string,
    before: number | null,
    after: number | null,
    details: Record<string, unknown>,
  ) =>
    write
      ? insertAudit(on, {
          id: uuidv7(),
          at: input.now,
          actorId: input.actorId,
          action,
          entity: 'area',
          entityId,
          beforeVersion: before,
          afterVersion: after,
          requestId: `import:${input.importId}`,
          details,
        })
      : Promise.resolve();
  const insert = async (area: Omit<Parameters<typeof insertBoundaryArea>[2], 'countryCode' | 'importId' | 'validFrom'>) => {
    if (write)
      await insertBoundaryArea(database, on, {
        ...area,
        countryCode: options.countryCode,
        importId: input.importId,
        validFrom: options.validFrom ?? null,
      });
  };

  const country = await ensureCountry(database, on, options, input.importId, write);
  const placedByLevel = new Map<AreaLevel, Map<string, Placed>>([['country', new Map([['', country]])]]);
  const replacedBy = new Map<string, string>();
  for (const mapping of options.levels) {
    const parentLevel: AreaLevel = mapping.level === 'state' ? 'country' : mapping.level === 'district' ? 'state' : 'district';
    const parents = placedByLevel.get(parentLevel) ?? (await placedFromDatabase(database, on, options, parentLevel));
    const existing = await listCurrentAreas(database, on, options.countryCode, mapping.level, options.codeSystem);
    const byKey = new Map(existing.map((a) => [`${a.parentId}|${siblingKey(a.code, a.name)}`, a]));
    const placed = new Map<string, Placed>();
    placedByLevel.set(mapping.level, placed);
    const matched = new Set<string>();
    const parentIds = new Set<string>();
    for (const area of input.areas.filter((a) => a.level === mapping.level)) {
      const parent = parents.get(area.parentCode ?? '');
      if (!parent) {
        result.orphans.push(area);
        continue;
      }
      parentIds.add(parent.id);
      // Children of a renamed-and-replaced parent still hang from the old one: they are this file's to replace too.
      const predecessor = replacedBy.get(parent.id);
      if (predecessor) parentIds.add(predecessor);
      const old = byKey.get(`${parent.id}|${siblingKey(area.code, area.name)}`);
      let here: Placed;
      if (!old) {
        const id = uuidv7();
        here = { id, path: [...parent.path, id] };
        await insert({
          id,
          parentId: parent.id,
          level: area.level,
          name: area.name,
          names: {},
          codes: area.code ? { [options.codeSystem]: area.code } : {},
          path: here.path,
          geometry: area.geometry,
        });
        result.created += 1;
      } else {
        matched.add(old.id);
        here = { id: old.id, path: old.path };
        const renamed = old.name !== area.name;
        const reshaped = await geometryDiffers(database, on, old.id, area.geometry);
        if (!renamed && !reshaped) result.unchanged += 1;
        else {
          result.updated += 1;
          const changes = { ...(renamed ? { name: [old.name, area.name] } : {}), ...(reshaped ? { geometry: 'changed' } : {}) };
          if (renamed && options.validFrom) {
            here = await replace(old, area, parent, changes);
            replacedBy.set(here.id, old.id);
          } else if (write) {
            const version = await updateBoundaryArea(database, on, {
              id: old.id,
              name: area.name,
              geometry: area.geometry,
              importId: input.importId,
            });
            await auditRow('area.update', old.id, version - 1, version, { importId: input.importId, ...changes });
          }
        }
      }
      if (area.code && !placed.has(area.code)) placed.set(area.code, here);
    }
    for (const gone of existing.filter((a) => !matched.has(a.id) && a.parentId && parentIds.has(a.parentId))) {
      result.absent.push(gone.name);
      if (options.validFrom && write) {
        const version = await closeArea(database, on, gone.id, dayBefore(options.validFrom));
        await auditRow('area.close', gone.id, version - 1, version, {
          importId: input.importId,
          validTo: dayBefore(options.validFrom),
          reason: 'not in the new boundaries',
        });
      }
      if (options.validFrom) result.closed += 1;
    }
  }
  return result;

  /** A renamed area with a validity date: the old one is closed the day before, a new one takes over its codes. */
  async function replace(old: CurrentArea, area: PlannedArea, parent: Placed, changes: Record<string, unknown>): Promise<Placed> {
    const id = uuidv7();
    const validTo = dayBefore(options.validFrom!);
    if (write) {
      const version = await closeArea(database, on, old.id, validTo);
      await insert({
        id,
        parentId: parent.id,
        level: area.level,
        name: area.name,
        names: old.names,
        codes: old.codes,
        path: [...parent.path, id],
        geometry: area.geometry,
      });
      await auditRow('area.close', old.id, version - 1, version, {
        importId: input.importId,
        validTo,
        replacedBy: id,
        ...changes,
      });
      await auditRow('area.create', id, null, 1, {
        importId: input.importId,
        validFrom: options.validFrom,
        replaces: old.id,
        ...changes,
      });
    }
    return { id, path: [...parent.path, id] };
  }
}
