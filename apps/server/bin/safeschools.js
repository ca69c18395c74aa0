#!/usr/bin/env node
// The `safeschools` command: runs the built server code (npm start or npm run build makes it).
import { existsSync } from 'node:fs';

const built = new URL('../dist/cli/main.js', import.meta.url);
if (!existsSync(built)) {
  console.error('SafeSchools is not built yet: run `npm run build` (or `npm start`) in the project folder first.');
  process.exit(1);
}
const cli = await import(built.href);
process.exitCode = await cli.cliMain(process.argv.slice(2));
