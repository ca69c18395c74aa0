import { sharedText } from './shared-data.js';

/**
 * A shared real file's text with each edit made. Fails when an edit finds nothing to change, so a test can
 * never pass on a mutation that did not happen (for instance after the file's spelling changed).
 */
export function mutatedText(path: string, ...edits: [from: string | RegExp, to: string][]): string {
  let text = sharedText(path);
  for (const [from, to] of edits) {
    const next = text.replace(from, to);
    if (next === text) throw new Error(`${path}: the edit of ${String(from)} changed nothing`);
    text = next;
  }
  return text;
}
