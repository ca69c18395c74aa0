-- The list of imports (GET /api/v1/imports) reads newest first, by creation time then id: one author's imports for
-- most callers, everyone's for an administrator. Both are index scans that stop after a page; the author index
-- also serves every lookup the plain created_by index did, so that one goes.

CREATE INDEX imports_author_newest_idx ON imports (created_by, created_at, id);
CREATE INDEX imports_newest_idx ON imports (created_at, id);
DROP INDEX imports_created_by_idx;
