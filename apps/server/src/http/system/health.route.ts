import { health } from '@safeschools/contract';
import type { Services } from '../../services.js';
import type { App } from '../app-types.js';
import { route } from '../route.js';
import { sql } from 'drizzle-orm';

export function registerHealthRoute(app: App, services: Services): void {
  route(app, services.database, health, {
    scope: 'public',
    handler: async () => {
      let ok = true;
      try {
        await services.database.rows(sql`SELECT 1 AS one`);
      } catch {
        ok = false;
      }
      return {
        status: ok ? 'ok' : 'degraded',
        database: services.database.kind,
        version: services.version,
        uptimeSeconds: Math.round((Date.now() - services.startedAt.getTime()) / 1000),
        jobs: services.jobs.running ? 'running' : 'stopped',
      } as const;
    },
  });
}
