-- Registry at national scale: typo-tolerant name search on a trigram index, code search by prefix, and school
-- counts per area kept up to date by the writes themselves, so a national roll-up reads ~700 rows, not 1.5 M.

CREATE EXTENSION IF NOT EXISTS pg_trgm;

-- Names are searched case-folded; the same expression is in the queries (db/schools/schools.repository.ts).
CREATE INDEX schools_name_trgm_idx ON schools USING gin (lower(name) gin_trgm_ops) WHERE deleted_at IS NULL;
CREATE INDEX schools_code_prefix_idx ON schools (code text_pattern_ops) WHERE deleted_at IS NULL;

-- Live schools per area, for every area on a school's path (so a state counts the schools of its districts).
CREATE TABLE area_school_counts (
  area_id uuid PRIMARY KEY,
  schools bigint NOT NULL DEFAULT 0,
  children bigint NOT NULL DEFAULT 0,
  girls bigint NOT NULL DEFAULT 0,
  boys bigint NOT NULL DEFAULT 0
);

-- One statement, one aggregated change: the transition tables carry every row a statement touched, so an
-- import batch of 1,000 schools costs one small upsert, not 1,000 row triggers.
CREATE FUNCTION area_school_counts_apply() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    INSERT INTO area_school_counts AS c (area_id, schools, children, girls, boys)
    SELECT p.id, count(*), sum(coalesce(n.enrolment_total, coalesce(n.enrolment_girls, 0) + coalesce(n.enrolment_boys, 0))),
           sum(coalesce(n.enrolment_girls, 0)), sum(coalesce(n.enrolment_boys, 0))
    FROM new_rows n CROSS JOIN LATERAL unnest(n.area_path) AS p(id)
    WHERE n.deleted_at IS NULL
    GROUP BY p.id
    ON CONFLICT (area_id) DO UPDATE SET schools = c.schools + excluded.schools, children = c.children + excluded.children,
      girls = c.girls + excluded.girls, boys = c.boys + excluded.boys;
  ELSIF TG_OP = 'UPDATE' THEN
    INSERT INTO area_school_counts AS c (area_id, schools, children, girls, boys)
    SELECT d.id, sum(d.schools), sum(d.children), sum(d.girls), sum(d.boys)
    FROM (
      SELECT p.id, 1 AS schools, coalesce(n.enrolment_total, coalesce(n.enrolment_girls, 0) + coalesce(n.enrolment_boys, 0)) AS children,
             coalesce(n.enrolment_girls, 0) AS girls, coalesce(n.enrolment_boys, 0) AS boys
      FROM new_rows n CROSS JOIN LATERAL unnest(n.area_path) AS p(id) WHERE n.deleted_at IS NULL
      UNION ALL
      SELECT p.id, -1, -coalesce(o.enrolment_total, coalesce(o.enrolment_girls, 0) + coalesce(o.enrolment_boys, 0)),
             -coalesce(o.enrolment_girls, 0), -coalesce(o.enrolment_boys, 0)
      FROM old_rows o CROSS JOIN LATERAL unnest(o.area_path) AS p(id) WHERE o.deleted_at IS NULL
    ) d
    GROUP BY d.id
    HAVING sum(d.schools) <> 0 OR sum(d.children) <> 0 OR sum(d.girls) <> 0 OR sum(d.boys) <> 0
    ON CONFLICT (area_id) DO UPDATE SET schools = c.schools + excluded.schools, children = c.children + excluded.children,
      girls = c.girls + excluded.girls, boys = c.boys + excluded.boys;
  ELSE
    INSERT INTO area_school_counts AS c (area_id, schools, children, girls, boys)
    SELECT p.id, -count(*), -sum(coalesce(o.enrolment_total, coalesce(o.enrolment_girls, 0) + coalesce(o.enrolment_boys, 0))),
           -sum(coalesce(o.enrolment_girls, 0)), -sum(coalesce(o.enrolment_boys, 0))
    FROM old_rows o CROSS JOIN LATERAL unnest(o.area_path) AS p(id)
    WHERE o.deleted_at IS NULL
    GROUP BY p.id
    ON CONFLICT (area_id) DO UPDATE SET schools = c.schools + excluded.schools, children = c.children + excluded.children,
      girls = c.girls + excluded.girls, boys = c.boys + excluded.boys;
  END IF;
  RETURN NULL;
END $$;

CREATE TRIGGER schools_counts_insert AFTER INSERT ON schools REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION area_school_counts_apply();
CREATE TRIGGER schools_counts_update AFTER UPDATE ON schools REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION area_school_counts_apply();
CREATE TRIGGER schools_counts_delete AFTER DELETE ON schools REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION area_school_counts_apply();

INSERT INTO area_school_counts (area_id, schools, children, girls, boys)
SELECT p.id, count(*), sum(coalesce(s.enrolment_total, coalesce(s.enrolment_girls, 0) + coalesce(s.enrolment_boys, 0))),
       sum(coalesce(s.enrolment_girls, 0)), sum(coalesce(s.enrolment_boys, 0))
FROM schools s CROSS JOIN LATERAL unnest(s.area_path) AS p(id)
WHERE s.deleted_at IS NULL
GROUP BY p.id;
