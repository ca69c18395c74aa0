import type { ImportRunContext } from '../../imports/import-runner.js';

/** Boundary files and crosswalks are small (the all-India districts are 0.5 MB), so they are read whole. */
export async function readWholeFile(ctx: Pick<ImportRunContext, 'openFile'>): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of await ctx.openFile()) chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer));
  return Buffer.concat(chunks);
}
