import { readFileSync } from 'node:fs';

// Tests read the shared real-world files in place (licences forbid copying some of them into the repo).
const root = new URL('../../../../../shared/data/', import.meta.url);

export function sharedBytes(path: string): Uint8Array {
  return new Uint8Array(readFileSync(new URL(path, root)));
}

export function sharedText(path: string): string {
  return readFileSync(new URL(path, root), 'utf8');
}
