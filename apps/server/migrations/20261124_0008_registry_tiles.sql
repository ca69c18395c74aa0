-- School clusters for the low-zoom vector tiles, kept by the writes themselves, so a national tile reads a few
-- thousand stored cells instead of grouping the 100k+ schools under it on every request.
--
-- A tile below zoom 9 shows its schools on a 64×64 grid (domain/tiles/get-school-tile.ts), and 64 = 2^6, so the
-- grid cells of a zoom-z tile are exactly the tiles of zoom z + 6: cell (cx, cy) at level L holds the schools whose
-- Web Mercator position, scaled to 0..1, floors to (cx, cy) at 2^L. Levels 6..14 serve zooms 0..8.
-- Cells are split by the schools' area path so a scoped viewer's filter applies to the stored rows too.

CREATE FUNCTION school_tile_x(p geometry) RETURNS double precision LANGUAGE sql IMMUTABLE PARALLEL SAFE
  AS $$ SELECT (ST_X(p) + 180) / 360 $$;
-- Web Mercator stops at ±85.0511°; schools beyond it sit on the edge rather than at infinity.
CREATE FUNCTION school_tile_y(p geometry) RETURNS double precision LANGUAGE sql IMMUTABLE PARALLEL SAFE
  AS $$ SELECT (1 - ln(tan(radians(least(85.0511, greatest(-85.0511, ST_Y(p)))))
                      + 1 / cos(radians(least(85.0511, greatest(-85.0511, ST_Y(p)))))) / pi()) / 2 $$;

CREATE TABLE school_tile_cells (
  level smallint NOT NULL,
  cx integer NOT NULL,
  cy integer NOT NULL,
  area_path uuid[] NOT NULL,
  schools bigint NOT NULL,
  children bigint NOT NULL,
  -- Sums of the schools' 0..1 Mercator positions: a cluster is drawn at their mean.
  sum_x double precision NOT NULL,
  sum_y double precision NOT NULL,
  PRIMARY KEY (level, cx, cy, area_path)
);
-- Cells emptied by a move or delete are removed after each statement; this keeps finding them cheap.
CREATE INDEX school_tile_cells_empty_idx ON school_tile_cells (level) WHERE schools = 0;

-- The stored cells a point falls in, one per level.
CREATE FUNCTION school_tile_cells_of(p geometry)
  RETURNS TABLE (level smallint, cx integer, cy integer, x double precision, y double precision)
  LANGUAGE sql IMMUTABLE PARALLEL SAFE
  AS $$ SELECT l::smallint, floor(m.x * (1 << l))::int, floor(m.y * (1 << l))::int, m.x, m.y
        FROM (SELECT school_tile_x(p) AS x, school_tile_y(p) AS y) m CROSS JOIN generate_series(6, 14) AS l $$;

-- One statement, one aggregated change per touched cell (as area_school_counts in 0004): each school takes itself
-- out of the cells it was in before the statement and adds itself to those it is in after.
CREATE FUNCTION school_tile_cells_apply() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    INSERT INTO school_tile_cells AS t (level, cx, cy, area_path, schools, children, sum_x, sum_y)
    SELECT c.level, c.cx, c.cy, n.area_path, count(*),
           sum(coalesce(n.enrolment_total, coalesce(n.enrolment_girls, 0) + coalesce(n.enrolment_boys, 0))), sum(c.x), sum(c.y)
    FROM new_rows n CROSS JOIN LATERAL school_tile_cells_of(n.location) c
    WHERE n.deleted_at IS NULL AND n.location IS NOT NULL
    GROUP BY 1, 2, 3, 4
    ON CONFLICT (level, cx, cy, area_path) DO UPDATE SET schools = t.schools + excluded.schools,
      children = t.children + excluded.children, sum_x = t.sum_x + excluded.sum_x, sum_y = t.sum_y + excluded.sum_y;
    RETURN NULL;
  END IF;
  IF TG_OP = 'DELETE' THEN
    INSERT INTO school_tile_cells AS t (level, cx, cy, area_path, schools, children, sum_x, sum_y)
    SELECT c.level, c.cx, c.cy, o.area_path, -count(*),
           -sum(coalesce(o.enrolment_total, coalesce(o.enrolment_girls, 0) + coalesce(o.enrolment_boys, 0))), -sum(c.x), -sum(c.y)
    FROM old_rows o CROSS JOIN LATERAL school_tile_cells_of(o.location) c
    WHERE o.deleted_at IS NULL AND o.location IS NOT NULL
    GROUP BY 1, 2, 3, 4
    ON CONFLICT (level, cx, cy, area_path) DO UPDATE SET schools = t.schools + excluded.schools,
      children = t.children + excluded.children, sum_x = t.sum_x + excluded.sum_x, sum_y = t.sum_y + excluded.sum_y;
  ELSE
    INSERT INTO school_tile_cells AS t (level, cx, cy, area_path, schools, children, sum_x, sum_y)
    SELECT d.level, d.cx, d.cy, d.area_path, sum(d.schools), sum(d.children), sum(d.x), sum(d.y)
    FROM (
      SELECT c.level, c.cx, c.cy, o.area_path, -1 AS schools,
             -coalesce(o.enrolment_total, coalesce(o.enrolment_girls, 0) + coalesce(o.enrolment_boys, 0)) AS children, -c.x AS x, -c.y AS y
      FROM old_rows o CROSS JOIN LATERAL school_tile_cells_of(o.location) c
      WHERE o.deleted_at IS NULL AND o.location IS NOT NULL
      UNION ALL
      SELECT c.level, c.cx, c.cy, n.area_path, 1,
             coalesce(n.enrolment_total, coalesce(n.enrolment_girls, 0) + coalesce(n.enrolment_boys, 0)), c.x, c.y
      FROM new_rows n CROSS JOIN LATERAL school_tile_cells_of(n.location) c
      WHERE n.deleted_at IS NULL AND n.location IS NOT NULL
    ) d
    GROUP BY 1, 2, 3, 4
    -- An edit that moves nothing (a renamed school) changes no cell and writes none.
    HAVING sum(d.schools) <> 0 OR sum(d.children) <> 0 OR abs(sum(d.x)) > 1e-12 OR abs(sum(d.y)) > 1e-12
    ON CONFLICT (level, cx, cy, area_path) DO UPDATE SET schools = t.schools + excluded.schools,
      children = t.children + excluded.children, sum_x = t.sum_x + excluded.sum_x, sum_y = t.sum_y + excluded.sum_y;
  END IF;
  DELETE FROM school_tile_cells WHERE schools = 0;
  RETURN NULL;
END $$;

CREATE TRIGGER schools_tile_cells_insert AFTER INSERT ON schools REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION school_tile_cells_apply();
CREATE TRIGGER schools_tile_cells_update AFTER UPDATE ON schools REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION school_tile_cells_apply();
CREATE TRIGGER schools_tile_cells_delete AFTER DELETE ON schools REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION school_tile_cells_apply();

INSERT INTO school_tile_cells (level, cx, cy, area_path, schools, children, sum_x, sum_y)
SELECT c.level, c.cx, c.cy, s.area_path, count(*),
       sum(coalesce(s.enrolment_total, coalesce(s.enrolment_girls, 0) + coalesce(s.enrolment_boys, 0))), sum(c.x), sum(c.y)
FROM schools s CROSS JOIN LATERAL school_tile_cells_of(s.location) c
WHERE s.deleted_at IS NULL AND s.location IS NOT NULL
GROUP BY 1, 2, 3, 4;
