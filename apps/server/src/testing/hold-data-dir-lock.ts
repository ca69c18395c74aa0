import { lockDataDir } from '../db/data-dir-lock.js';

// A second process for the data-dir lock tests: locks the folder given, says `locked <pid>` or `refused <pid>`, and
// holds the lock until it is killed.
const dir = process.argv[2];
if (!dir) throw new Error('usage: hold-data-dir-lock.ts <dir>');
try {
  await lockDataDir(dir);
  console.log(`locked ${process.pid}`);
  setInterval(() => undefined, 60_000);
} catch (error) {
  console.log(`refused ${process.pid} ${error instanceof Error ? error.message : String(error)}`);
}
