import { runCli, type Command } from '@safeschools/cli';
import { serveCommand } from './serve.command.js';
import { migrateCommand } from './migrate.command.js';
import { createUserCommand } from './users-create.command.js';
import { openapiCommand } from './openapi.command.js';
import { importBoundariesCommand } from './import-boundaries.command.js';
import { importSchoolsCommand } from './import-schools.command.js';
import { generateSchoolsCommand } from './generate-schools.command.js';
import { impactCommand } from './impact.command.js';

/** Commands that work on this server's own database. */
export const commands: Command[] = [
  serveCommand,
  migrateCommand,
  createUserCommand,
  importSchoolsCommand,
  importBoundariesCommand,
  generateSchoolsCommand,
  impactCommand,
  openapiCommand,
];

export async function cliMain(argv: readonly string[]): Promise<number> {
  return runCli('safeschools', commands, argv);
}
