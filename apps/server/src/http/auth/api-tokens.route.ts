import { createApiToken as createEndpoint, listApiTokens as listEndpoint, revokeApiToken as revokeEndpoint } from '@safeschools/contract';
import { createApiToken, listApiTokens, revokeApiToken } from '../../domain/auth/api-tokens.js';
import type { ApiTokenRow } from '../../db/auth/api-tokens.repository.js';
import type { Services } from '../../services.js';
import type { App } from '../app-types.js';
import { route } from '../route.js';

function present(row: ApiTokenRow) {
  return {
    id: row.id,
    name: row.name,
    createdAt: row.createdAt.toISOString(),
    lastUsedAt: row.lastUsedAt?.toISOString() ?? null,
    expiresAt: row.expiresAt?.toISOString() ?? null,
  };
}

export function registerApiTokenRoutes(app: App, services: Services): void {
  route(app, services.database, listEndpoint, {
    scope: 'self',
    handler: async ({ ctx }) => ({ items: (await listApiTokens(ctx)).map(present) }),
  });
  route(app, services.database, createEndpoint, {
    scope: 'self',
    handler: async ({ ctx, body }) => {
      const { row, token } = await createApiToken(ctx, body);
      return { ...present(row), token };
    },
  });
  route(app, services.database, revokeEndpoint, {
    scope: 'self',
    handler: async ({ ctx, params }) => {
      await revokeApiToken(ctx, params.id);
      return null;
    },
  });
}
