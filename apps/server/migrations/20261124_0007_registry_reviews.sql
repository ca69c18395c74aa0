-- Settling placement reviews: a review is now written to by people, so it carries the version a client based its
-- decision on, when it last changed, and what was decided ({action, comment, areaId, lon, lat}).

ALTER TABLE registry_reviews ADD COLUMN version integer NOT NULL DEFAULT 1;
ALTER TABLE registry_reviews ADD COLUMN updated_at timestamptz NOT NULL DEFAULT now();
ALTER TABLE registry_reviews ADD COLUMN resolution jsonb;
-- Lists page by id within a status; the open list is the one officers work through.
CREATE INDEX registry_reviews_status_id_idx ON registry_reviews (status, id);
