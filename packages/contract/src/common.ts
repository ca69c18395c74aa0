import { z } from 'zod';

export const Uuid = z.uuid();
export const IdParams = z.object({ id: z.uuid() });

/** Cursor paging shared by every list. `since` reads changes after a sync cursor instead of a page. */
export const ListQuery = z.object({
  cursor: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(50),
  since: z.string().max(200).optional(),
});

export function pageOf<T extends z.ZodType>(item: T) {
  return z.object({
    items: z.array(item),
    /** Pass back as `cursor` for the next page; null on the last page. */
    nextCursor: z.string().nullable(),
    /** Pass back as `since` later to read only what changed (and was deleted) after this read. */
    syncCursor: z.string(),
  });
}

/** Columns every syncable row exposes. */
export const SyncFields = {
  id: z.uuid(),
  version: z.number().int(),
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
  deletedAt: z.iso.datetime().nullable(),
};

export const Empty = z.object({}).strict();
export const NoContent = z.null();
