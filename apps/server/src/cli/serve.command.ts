import type { Command } from '@safeschools/cli';
import { main } from '../main.js';

export const serveCommand: Command = {
  name: 'serve',
  summary: 'Start the API and web app on PORT (default 8080), migrating the database first',
  run: async () => {
    await main(process.env);
    // Keep running: the server stops on SIGINT/SIGTERM.
    await new Promise<never>(() => undefined);
  },
};
