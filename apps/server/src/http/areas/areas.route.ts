import { areaRollup as rollupEndpoint, listAreas as listEndpoint, type Area } from '@safeschools/contract';
import { areaRollup } from '../../domain/areas/area-rollup.js';
import type { z } from 'zod';
import { listAreas } from '../../domain/areas/list-areas.js';
import type { AreaRow } from '../../db/areas/areas.repository.js';
import type { Services } from '../../services.js';
import type { App } from '../app-types.js';
import { route } from '../route.js';
import { presentSync } from '../present-sync.js';

function present(row: AreaRow): z.output<typeof Area> {
  return {
    ...presentSync(row),
    parentId: row.parentId,
    level: row.level as z.output<typeof Area>['level'],
    name: row.name,
    names: row.names,
    codes: row.codes,
    validFrom: row.validFrom,
    validTo: row.validTo,
  };
}

export function registerAreaRoutes(app: App, services: Services): void {
  route(app, services.database, listEndpoint, {
    scope: 'filtered',
    permission: 'registry.read',
    handler: async ({ ctx, query }) => {
      const page = await listAreas(ctx, query);
      return { ...page, items: page.items.map(present) };
    },
  });
  route(app, services.database, rollupEndpoint, {
    scope: 'filtered',
    permission: 'registry.read',
    handler: async ({ ctx, query }) => ({
      items: (await areaRollup(ctx, query)).map((r) => ({
        areaId: r.areaId,
        name: r.name,
        names: r.names,
        level: r.level as z.output<typeof Area>['level'],
        codes: r.codes,
        schools: r.schools,
        children: r.children,
        girls: r.girls,
        boys: r.boys,
        geometry: r.geometry === null ? null : (JSON.parse(r.geometry) as unknown),
      })),
    }),
  });
}
