/** The sync columns every syncable row shows, as ISO strings. */
export function presentSync(row: { id: string; version: number; createdAt: Date; updatedAt: Date; deletedAt: Date | null }) {
  return {
    id: row.id,
    version: row.version,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    deletedAt: row.deletedAt?.toISOString() ?? null,
  };
}
