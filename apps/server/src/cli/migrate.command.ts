import type { Command } from '@safeschools/cli';
import { openDatabase } from '../db/open-database.js';
import { migrate } from '../db/migrate.js';
import { configOrExit } from './load-config.js';

export const migrateCommand: Command = {
  name: 'migrate',
  summary: 'Apply pending database migrations (the server also does this at start)',
  run: async ({ out }) => {
    const config = configOrExit(out.error);
    if (!config) return 2;
    const database = await openDatabase(config);
    try {
      const ran = await migrate(database, (m) => out.info(m));
      out.info(ran.length ? `Applied ${ran.length} migration(s) on ${database.kind}.` : `Nothing to apply on ${database.kind}: the schema is up to date.`);
    } finally {
      await database.close();
    }
  },
};
